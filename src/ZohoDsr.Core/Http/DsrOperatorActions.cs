using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Http;

/// <summary>
/// Approve, reject, cancel and extend. Each is checked by the <see cref="DsrRequestGate"/> first (415, 413, 401). A
/// decision is recorded before it is carried out, once (create-if-absent): of racing approve / reject / cancel calls the
/// first wins and the others answer 409 naming it and when it was taken. A repeat of the decision that won also answers
/// 409, and carries the decision out again while the instance has not moved on (so a decision whose event was lost in a
/// crash still takes effect; the orchestration takes one approval event and ignores the rest).
/// </summary>
internal sealed class DsrOperatorActions(
    IDsrInstanceClient instances,
    DsrRequestGate gate,
    DsrRequestRecords records,
    DsrRouteResolver routes,
    IOptions<DeadlineOptions> deadlineOptions,
    TimeProvider timeProvider,
    ILogger logger)
{
    public async Task<DsrHttpResponse> DecideAsync(DsrHttpRequest http, string requestId, string? orgId, string action, CancellationToken cancellationToken)
    {
        if (gate.Check(http, bodyRequired: false, DsrCallerPolicy.SignatureOrKey) is { } refused)
        {
            return refused;
        }

        (DsrActionBody? body, Dictionary<string, string[]>? bodyErrors) = DsrActionBody.ReadDecision(http.Body);
        if (bodyErrors is not null)
        {
            return DsrProblems.Invalid(bodyErrors);
        }

        (DsrHttpResponse? problem, DsrRequestTarget? target) = await routes.FindAsync(requestId, orgId, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        DsrDecision? earlier = await records.ReadDecisionAsync(target!.OrgId, target.RequestId, cancellationToken).ConfigureAwait(false);
        if (earlier is not null)
        {
            return await AlreadyDecidedAsync(target, earlier, cancellationToken).ConfigureAwait(false);
        }

        DsrStatus status = DsrHttpApi.StatusOf(target.State);
        if (action == DsrDecision.Cancel ? IsFinished(target.State) : status != DsrStatus.AwaitingApproval)
        {
            return DsrProblems.Field(409, "status", action == DsrDecision.Cancel
                ? $"The request has already finished (status: {status})."
                : $"The request is not awaiting approval (status: {status}).");
        }

        var decision = new DsrDecision { Action = action, DecidedAt = timeProvider.GetUtcNow(), Reason = body!.Reason };
        (bool created, DsrDecision winner) = await records.CreateDecisionAsync(target.OrgId, target.RequestId, decision, cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            return await AlreadyDecidedAsync(target, winner, cancellationToken).ConfigureAwait(false);
        }

        await CarryOutAsync(target, decision, cancellationToken).ConfigureAwait(false);
        string statusUri = $"api/{DsrRoutes.Submit}/{Uri.EscapeDataString(target.RequestId)}?orgId={Uri.EscapeDataString(target.OrgId)}";
        return new DsrHttpResponse(
            202, new DsrActionAccepted(target.RequestId, target.OrgId, target.InstanceId, action, statusUri), DsrRequestGate.JsonMediaType, DsrProblems.NoHeaders);
    }

    /// <summary>
    /// Records the one extension of the due date (<c>{"reason", "by"?}</c>; <c>by</c> defaults to the most the regime
    /// allows): 200 with the new due date; 400 naming <c>reason</c> or <c>by</c>; 409 when one was recorded already, the
    /// request has finished, or the original due date has passed.
    /// </summary>
    public async Task<DsrHttpResponse> ExtendAsync(DsrHttpRequest http, string requestId, string? orgId, CancellationToken cancellationToken)
    {
        if (gate.Check(http, bodyRequired: true, DsrCallerPolicy.SignatureOrKey) is { } refused)
        {
            return refused;
        }

        (DsrActionBody? body, Dictionary<string, string[]>? bodyErrors) = DsrActionBody.ReadExtend(http.Body);
        if (bodyErrors is not null)
        {
            return DsrProblems.Invalid(bodyErrors);
        }

        (DsrHttpResponse? problem, DsrRequestTarget? target) = await routes.FindAsync(requestId, orgId, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        DsrDeadline? deadline = await records.ReadDeadlineAsync(target!.OrgId, target.RequestId, cancellationToken).ConfigureAwait(false);
        DsrExtension? earlier = await records.ReadExtensionAsync(target.OrgId, target.RequestId, cancellationToken).ConfigureAwait(false);
        if (earlier is not null)
        {
            return Extended(earlier);
        }

        if (IsFinished(target.State))
        {
            return DsrProblems.Field(409, "status", $"The request has already finished (status: {DsrHttpApi.StatusOf(target.State)}).");
        }

        if (deadline is null)
        {
            return DsrProblems.Field(409, "deadline", "No due date was recorded for this request (it was submitted before due dates were kept).");
        }

        DeadlineCalculator calculator = DsrDeadlines.For(deadline.Regime, deadlineOptions.Value);
        DateTimeOffset now = timeProvider.GetUtcNow();
        DsrDeadline extended;
        try
        {
            extended = calculator.Extend(deadline, now, body!.By);
        }
        catch (ArgumentException ex)
        {
            return DsrProblems.Field(400, "by", ex is ArgumentOutOfRangeException
                ? $"An extension under {deadline.Regime.ToString().ToLowerInvariant()} is 1 to {calculator.Regime.MaxExtension?.Count} {calculator.Regime.MaxExtension?.Unit.ToString().ToLowerInvariant()}."
                : ex.Message);
        }
        catch (InvalidOperationException) when (calculator.Regime.MaxExtension is null)
        {
            return DsrProblems.Field(400, "by", $"The {deadline.Regime.ToString().ToLowerInvariant()} regime allows no extension (ZohoDsr:Deadlines:CustomExtensionDays is 0).");
        }
        catch (InvalidOperationException)
        {
            return DsrProblems.Field(409, "deadline", $"The original due date ({deadline.OriginalDueBy:O}) has passed: an extension must be decided, and the person told, within the first period.");
        }

        var extension = new DsrExtension { By = extended.Extension!.Value, Reason = body.Reason!, ExtendedAt = now, DueBy = extended.DueBy };
        (bool created, DsrExtension winner) = await records.CreateExtensionAsync(target.OrgId, target.RequestId, extension, cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            return Extended(winner);
        }

        Log.DeadlineExtended(logger, target.RequestId, target.OrgId);
        return new DsrHttpResponse(200, DsrDeadlineView.Of(deadline, extension), DsrRequestGate.JsonMediaType, DsrProblems.NoHeaders);
    }

    private static bool IsFinished(DsrInstanceState state)
        => state.RuntimeStatus is DsrRuntimeStatus.Completed or DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated;

    private static DsrHttpResponse Extended(DsrExtension earlier)
        => DsrProblems.Create(
            409,
            $"The due date was already extended by {earlier.By} on {earlier.ExtendedAt:O}; a request may be extended once.",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["extension"] = [$"Already extended by {earlier.By} on {earlier.ExtendedAt:O}."] },
            extension: earlier);

    private async Task<DsrHttpResponse> AlreadyDecidedAsync(DsrRequestTarget target, DsrDecision earlier, CancellationToken cancellationToken)
    {
        Log.DecisionConflict(logger, target.RequestId, target.OrgId, earlier.Action);
        bool pending = earlier.Action == DsrDecision.Cancel
            ? !IsFinished(target.State)
            : DsrHttpApi.StatusOf(target.State) == DsrStatus.AwaitingApproval;
        if (pending)
        {
            await CarryOutAsync(target, earlier, cancellationToken).ConfigureAwait(false);
        }

        string message = $"The request was already decided: {earlier.Action} on {earlier.DecidedAt:O}; the first decision stands.";
        return DsrProblems.Create(409, message, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["decision"] = [message] }, decision: earlier);
    }

    private async Task CarryOutAsync(DsrRequestTarget target, DsrDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Action == DsrDecision.Cancel)
        {
            await instances.TerminateAsync(target.InstanceId, "Canceled through the API.", cancellationToken).ConfigureAwait(false);
            Log.RequestCanceled(logger, target.RequestId, target.OrgId, target.InstanceId);
            return;
        }

        await instances.RaiseEventAsync(target.InstanceId, EventNames.Approval, new ApprovalDecision(decision.Action == DsrDecision.Approve), cancellationToken).ConfigureAwait(false);
        Log.ApprovalRaised(logger, target.RequestId, target.OrgId, target.InstanceId, decision.Action);
    }
}

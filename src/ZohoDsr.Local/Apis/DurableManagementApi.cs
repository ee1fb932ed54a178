using System.Text.Json;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Local.Apis;

/// <summary>
/// The management routes the check-status payload points at (Durable's <c>runtime/webhooks/durabletask</c> HTTP API),
/// served by the Durable Task engine: status, raise event, terminate, suspend, resume, purge. Every route but status
/// changes something and passes the <see cref="DsrRequestGate"/> first, as the contract's own do: a JSON body only (415),
/// a signed request or the operator key (401). An approval event and a termination are decisions: they are recorded
/// first-wins like approve, reject and cancel, so the two doors cannot both decide one request.
/// </summary>
public static class DurableManagementApi
{
    public const string Prefix = "runtime/webhooks/durabletask/instances";

    public static IEndpointRouteBuilder MapDurableManagementApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup(Prefix);
        group.AddEndpointFilter(RequestBody.LimitAsync);
        group.MapGet("{instanceId}", GetStatusAsync).WithName("DurableGetStatus");
        group.MapPost("{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithName("DurableRaiseEvent");
        group.MapPost("{instanceId}/terminate", TerminateAsync).WithName("DurableTerminate");
        group.MapPost("{instanceId}/suspend", SuspendAsync).WithName("DurableSuspend");
        group.MapPost("{instanceId}/resume", ResumeAsync).WithName("DurableResume");
        group.MapDelete("{instanceId}", PurgeAsync).WithName("DurablePurgeHistory");
        return app;
    }

    /// <summary>202 while pending or running, 200 completed, 400 failed or terminated, 404 unknown (as Durable answers).</summary>
    public static async Task<IResult> GetStatusAsync(string instanceId, IDsrInstanceClient instances, CancellationToken cancellationToken)
    {
        DsrInstanceState? state = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return TypedResults.NotFound();
        }

        var status = new DurableInstanceStatus(
            OrchestrationNames.DsrOrchestration,
            state.InstanceId,
            state.RuntimeStatus.ToString(),
            state.Progress,
            state.Output,
            state.CreatedAt,
            state.LastUpdatedAt);
        int code = state.RuntimeStatus switch
        {
            DsrRuntimeStatus.Completed => StatusCodes.Status200OK,
            DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status202Accepted,
        };
        return TypedResults.Json(status, DsrJson.Options, statusCode: code);
    }

    /// <summary>202 raised, 404 unknown instance, 410 already finished, 400 unreadable payload, 409 an approval decided already.</summary>
    public static async Task<IResult> RaiseEventAsync(string instanceId, string eventName, HttpRequest request, ManagementServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        (IResult? refusal, DsrHttpRequest? http, DsrInstanceState? state) = await AdmitAsync(request, instanceId, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        bool approval = string.Equals(eventName, EventNames.Approval, StringComparison.OrdinalIgnoreCase);
        object payload;
        try
        {
            payload = approval
                ? JsonSerializer.Deserialize<ApprovalDecision>(http!.Body.Span, DsrJson.Options) ?? throw new JsonException("The event payload is null.")
                : http!.Body.IsEmpty ? new object() : JsonSerializer.Deserialize<JsonElement>(http.Body.Span, DsrJson.Options);
        }
        catch (JsonException ex)
        {
            return DsrProblems.Field(400, "body", $"The event payload is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).").ToResult();
        }

        if (approval && await DecideAsync(state!, ((ApprovalDecision)payload).Approved ? DsrDecision.Approve : DsrDecision.Reject, services, cancellationToken).ConfigureAwait(false) is { } decided)
        {
            return decided;
        }

        await services.Instances.RaiseEventAsync(instanceId, approval ? EventNames.Approval : eventName, payload, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>202 terminated, 404 unknown instance, 410 already finished, 409 decided already.</summary>
    public static async Task<IResult> TerminateAsync(string instanceId, string? reason, HttpRequest request, ManagementServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        (IResult? refusal, _, DsrInstanceState? state) = await AdmitAsync(request, instanceId, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await DecideAsync(state!, DsrDecision.Cancel, services, cancellationToken).ConfigureAwait(false) is { } decided)
        {
            return decided;
        }

        await services.Instances.TerminateAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? "Terminated through the management API." : reason, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>202 suspended, 404 unknown instance, 410 already finished.</summary>
    public static async Task<IResult> SuspendAsync(string instanceId, string? reason, HttpRequest request, ManagementServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        (IResult? refusal, _, _) = await AdmitAsync(request, instanceId, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        await services.Admin.SuspendAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? "Suspended through the management API." : reason, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>202 resumed, 404 unknown instance, 410 already finished.</summary>
    public static async Task<IResult> ResumeAsync(string instanceId, string? reason, HttpRequest request, ManagementServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        (IResult? refusal, _, _) = await AdmitAsync(request, instanceId, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        await services.Admin.ResumeAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? "Resumed through the management API." : reason, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>200 purged (history and state, the subject's email with them), 404 unknown, 409 not finished yet.</summary>
    public static async Task<IResult> PurgeAsync(string instanceId, HttpRequest request, ManagementServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        DsrHttpRequest http = await DsrApi.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (services.Gate.Check(http, bodyRequired: false, DsrCallerPolicy.SignatureOrKey) is { } refused)
        {
            return refused.ToResult();
        }

        DsrInstanceState? state = await services.Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return TypedResults.NotFound();
        }

        if (state.RuntimeStatus is not (DsrRuntimeStatus.Completed or DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated))
        {
            return DsrProblems.Field(409, "status", "Only a completed, failed or terminated instance can be purged; cancel it first.").ToResult();
        }

        bool purged = await services.Admin.PurgeAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return purged ? TypedResults.Ok() : TypedResults.NotFound();
    }

    /// <summary>The gate (415, 413, 401), then the instance: 404 unknown, 410 finished, else its state.</summary>
    private static async Task<(IResult? Refusal, DsrHttpRequest? Request, DsrInstanceState? State)> AdmitAsync(
        HttpRequest request, string instanceId, ManagementServices services, CancellationToken cancellationToken)
    {
        DsrHttpRequest http = await DsrApi.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (services.Gate.Check(http, bodyRequired: false, DsrCallerPolicy.SignatureOrKey) is { } refused)
        {
            return (refused.ToResult(), null, null);
        }

        DsrInstanceState? state = await services.Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state switch
        {
            null => (TypedResults.NotFound(), null, null),
            { RuntimeStatus: DsrRuntimeStatus.Completed or DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated } => (TypedResults.StatusCode(StatusCodes.Status410Gone), null, null),
            _ => (null, http, state),
        };
    }

    /// <summary>Records the decision first-wins; the answer to a caller who lost, or null to go on.</summary>
    private static async Task<IResult?> DecideAsync(DsrInstanceState state, string action, ManagementServices services, CancellationToken cancellationToken)
    {
        if (state.Input is not { } input)
        {
            return null;
        }

        var decision = new DsrDecision { Action = action, DecidedAt = services.TimeProvider.GetUtcNow(), Reason = "Through Durable's management API." };
        (bool created, DsrDecision winner) = await services.Records.CreateDecisionAsync(input.OrgId, input.RequestId, decision, cancellationToken).ConfigureAwait(false);
        if (created || winner.Action == action)
        {
            return null;
        }

        string message = $"The request was already decided: {winner.Action} on {winner.DecidedAt:O}; the first decision stands.";
        return DsrProblems.Create(409, message, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["decision"] = [message] }, decision: winner).ToResult();
    }
}

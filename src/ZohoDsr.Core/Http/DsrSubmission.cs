using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Http;

/// <summary>
/// <c>POST /api/dsr</c>: media type (415), size (413), signature (401, a replay included), JSON (400 naming the position),
/// fields (400 with <c>errors</c> keyed by field), then, with the org id in its configured spelling, the due date is
/// recorded and the instance <see cref="DsrInstanceId.For"/>(orgId, requestId) started unless it exists: 202 with the
/// check-status payload and <c>Location</c> = our status URI when started; 200 with the same payload when it already
/// existed (never a second run); 409 when the request id was used for a different request.
/// </summary>
internal sealed class DsrSubmission(
    IDsrInstanceClient instances,
    DsrRequestGate gate,
    DsrRequestRecords records,
    DsrRouteResolver routes,
    IOptions<DsrOptions> options,
    IOptions<DeadlineOptions> deadlineOptions,
    TimeProvider timeProvider,
    ILogger logger,
    DsrMetrics? metrics)
{
    /// <summary>The earliest receipt time taken as plausible.</summary>
    private static readonly DateTimeOffset EarliestReceipt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<DsrHttpResponse> SubmitAsync(DsrHttpRequest http, CancellationToken cancellationToken)
    {
        if (gate.Check(http, bodyRequired: true, DsrCallerPolicy.Signature) is { } refused)
        {
            return refused;
        }

        DsrRequestReader.Result read = DsrRequestReader.Read(http.Body);
        if (read.SyntaxError is not null)
        {
            Log.WebhookInvalid(logger, 1);
            return DsrProblems.Field(400, "body", read.SyntaxError);
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        var errors = new List<DsrValidationError>(read.Errors);
        DsrRequest? request = read.Request;
        if (request is not null)
        {
            request = request with { OrgId = routes.CanonicalOrg(request.OrgId) ?? request.OrgId };
            DsrOptions dsr = options.Value;
            var typed = new HashSet<string>(read.Errors.Select(e => e.Field), StringComparer.Ordinal);
            errors.AddRange(DsrRequestValidator.Validate(request, org => routes.CanonicalOrg(org) is not null, module => DsrModuleCatalog.IsKnown(module, dsr), dsr.Webhook)
                .Where(e => !typed.Contains(e.Field)));
            if (request.ReceivedAt is { } receivedAt && (receivedAt > now + dsr.Webhook.Tolerance || receivedAt < EarliestReceipt))
            {
                errors.Add(new("receivedAt", receivedAt < EarliestReceipt
                    ? "receivedAt must not be before 2000-01-01."
                    : $"receivedAt must not be in the future (more than {dsr.Webhook.Tolerance} ahead of the server's time)."));
            }
        }

        if (errors.Count > 0 || request is null)
        {
            Log.WebhookInvalid(logger, errors.Count);
            return DsrProblems.Invalid(DsrJsonBody.ToErrors(errors));
        }

        return await StartAsync(request, http.Url, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DsrHttpResponse> StartAsync(DsrRequest request, Uri requestUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string orgId = request.OrgId!;
        string requestId = request.RequestId!;
        string instanceId = DsrInstanceId.For(orgId, requestId);
        var input = new DsrOrchestrationInput
        {
            RequestId = requestId,
            OrgId = orgId,
            Type = request.Type!.Value,
            SubjectEmail = request.Subject!.Email!.Trim(),
            Modules = request.Modules,
            DryRun = request.DryRun ?? false,
            RequireApproval = request.RequireApproval ?? false,
            PurgeRecycleBin = request.PurgeRecycleBin ?? false,
            CallbackUrl = request.CallbackUrl,
            ReceivedAt = now,
        };

        DsrManagementUris uris = instances.GetManagementUris(instanceId, requestId, orgId, requestUrl);
        if (!options.Value.Webhook.IncludeDurableManagementUris)
        {
            uris = new DsrManagementUris { Id = uris.Id, StatusUri = uris.StatusUri };
        }

        var headers = new Dictionary<string, string> { ["Location"] = uris.StatusUri };
        DsrInstanceState? existing = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (existing?.Input is { } earlier && !IsSameRequest(earlier, input))
        {
            return Conflict(requestId, orgId, instanceId);
        }

        // The due date is recorded before the instance starts (a crash in between leaves a record that the retry finds).
        DeadlineRegimeKind regime = request.Regime ?? deadlineOptions.Value.Regime;
        DsrDeadline deadline = DsrDeadlines.For(regime, deadlineOptions.Value).DueFor(request.ReceivedAt ?? now);
        (bool _, DsrDeadline stored) = await records.CreateDeadlineAsync(orgId, requestId, deadline, cancellationToken).ConfigureAwait(false);
        if ((request.Regime is { } asked && asked != stored.Regime) || (request.ReceivedAt is { } given && !given.EqualsExact(stored.ReceivedAt)))
        {
            return Conflict(requestId, orgId, instanceId);
        }

        if (existing is not null)
        {
            Log.RequestAlreadyStarted(logger, requestId, orgId, instanceId);
            return new DsrHttpResponse(200, uris, DsrRequestGate.JsonMediaType, headers);
        }

        await instances.StartAsync(instanceId, input, cancellationToken).ConfigureAwait(false);
        Log.RequestStarted(logger, requestId, orgId, instanceId, input.Type);
        metrics?.RequestStarted(input.Type, orgId); // a repeat of the webhook (200 above) is not a new request
        return new DsrHttpResponse(202, uris, DsrRequestGate.JsonMediaType, headers);
    }

    private DsrHttpResponse Conflict(string requestId, string orgId, string instanceId)
    {
        Log.RequestIdConflict(logger, requestId, orgId, instanceId);
        return DsrProblems.Field(
            409,
            "requestId",
            "This requestId was already used for a different request in this org (another type, subject, dryRun, requireApproval, purgeRecycleBin, modules, callbackUrl, receivedAt or regime).");
    }

    /// <summary>
    /// A repeat of a known requestId must be the same request in every respect that changes what is done: a real delete
    /// sent under the id of an earlier dry run (or with other modules) would otherwise be answered "already started".
    /// </summary>
    private static bool IsSameRequest(DsrOrchestrationInput earlier, DsrOrchestrationInput now)
        => earlier.Type == now.Type
            && string.Equals(earlier.SubjectEmail.Trim(), now.SubjectEmail.Trim(), StringComparison.OrdinalIgnoreCase)
            && earlier.DryRun == now.DryRun
            && earlier.RequireApproval == now.RequireApproval
            && earlier.PurgeRecycleBin == now.PurgeRecycleBin
            && earlier.CallbackUrl == now.CallbackUrl
            && ModuleSet(earlier.Modules).SetEquals(ModuleSet(now.Modules));

    private static HashSet<string> ModuleSet(IReadOnlyList<string>? modules) => new(modules ?? [], StringComparer.OrdinalIgnoreCase);
}

using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The HTTP contract, host-neutral: each method takes what the route gives (raw body bytes, headers, route values, the
/// request URL) and returns a <see cref="DsrHttpResponse"/>. ZohoDsr.Functions and ZohoDsr.Local map their request types
/// onto these calls and write the response as is.
/// </summary>
public sealed class DsrHttpApi(
    IDsrInstanceClient instances,
    IOptions<DsrOptions> options,
    IOptions<ZohoCrmClientOptions> zohoOptions,
    TimeProvider timeProvider,
    ILogger<DsrHttpApi> logger)
{
    /// <summary>The largest webhook body accepted (bytes).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const string JsonContentType = "application/json";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>
    /// <c>POST /api/dsr</c>: verify the signature (401 problem on failure, stale included), parse JSON (400 problem on
    /// malformed JSON naming the position), validate (400 problem with <c>errors</c> keyed by field), then start the
    /// instance <see cref="DsrInstanceId.For"/>(orgId, requestId) unless it exists: 202 with the check-status payload and
    /// <c>Location</c> = our status URI when started; 200 with the same payload when it already existed (never a second run).
    /// A request id reused for a different request (another type or subject) answers 409.
    /// </summary>
    public async Task<DsrHttpResponse> SubmitAsync(ReadOnlyMemory<byte> body, string? timestampHeader, string? signatureHeader, Uri requestUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        if (body.Length > MaxBodyBytes)
        {
            return Problem(413, "Content Too Large", $"The body must be at most {MaxBodyBytes} bytes.");
        }

        WebhookOptions webhook = options.Value.Webhook;
        WebhookSignatureResult signature = WebhookSignature.Verify(
            Encoding.UTF8.GetBytes(webhook.SigningSecret), timestampHeader, signatureHeader, body.Span, timeProvider.GetUtcNow(), webhook.Tolerance);
        if (signature != WebhookSignatureResult.Valid)
        {
            Log.WebhookSignatureRejected(logger, signature.ToString());
            return Problem(401, "Unauthorized", SignatureDetail(signature, webhook.Tolerance));
        }

        DsrRequestReader.Result read = DsrRequestReader.Read(body);
        if (read.SyntaxError is not null)
        {
            Log.WebhookInvalid(logger, 1);
            return Problem(400, "Bad Request", read.SyntaxError, new Dictionary<string, string[]> { ["body"] = [read.SyntaxError] });
        }

        var errors = new List<DsrValidationError>(read.Errors);
        if (read.Request is not null)
        {
            DsrOptions dsr = options.Value;
            var typed = new HashSet<string>(read.Errors.Select(e => e.Field), StringComparer.Ordinal);
            errors.AddRange(DsrRequestValidator.Validate(read.Request, IsKnownOrg, module => DsrModuleCatalog.IsKnown(module, dsr), dsr.Webhook)
                .Where(e => !typed.Contains(e.Field)));
        }

        if (errors.Count > 0 || read.Request is null)
        {
            Log.WebhookInvalid(logger, errors.Count);
            return Problem(400, "Bad Request", "The request has invalid fields; see errors.", ToErrors(errors));
        }

        DsrRequest request = read.Request;
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
            ReceivedAt = timeProvider.GetUtcNow(),
        };

        DsrManagementUris uris = instances.GetManagementUris(instanceId, requestId, orgId, requestUrl);
        if (!options.Value.Webhook.IncludeDurableManagementUris)
        {
            uris = new DsrManagementUris { Id = uris.Id, StatusUri = uris.StatusUri };
        }

        var headers = new Dictionary<string, string> { ["Location"] = uris.StatusUri };
        DsrInstanceState? existing = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.Input is { } earlier && !IsSameRequest(earlier, input))
            {
                Log.RequestIdConflict(logger, requestId, orgId, instanceId);
                return Problem(409, "Conflict", "This requestId was already used for a different request in this org (another type, subject, dryRun, requireApproval, purgeRecycleBin, modules or callbackUrl).");
            }

            Log.RequestAlreadyStarted(logger, requestId, orgId, instanceId);
            return new DsrHttpResponse(200, uris, JsonContentType, headers);
        }

        await instances.StartAsync(instanceId, input, cancellationToken).ConfigureAwait(false);
        Log.RequestStarted(logger, requestId, orgId, instanceId, input.Type.ToString());
        return new DsrHttpResponse(202, uris, JsonContentType, headers);
    }

    /// <summary><c>GET /api/dsr/{requestId}?orgId=</c>: 200 <see cref="DsrStatusView"/>, 400 when orgId is missing, 404 when unknown.</summary>
    public async Task<DsrHttpResponse> GetStatusAsync(string requestId, string? orgId, CancellationToken cancellationToken)
    {
        (DsrHttpResponse? problem, string instanceId, DsrInstanceState? state) = await FindAsync(requestId, orgId, cancellationToken).ConfigureAwait(false);
        if (problem is not null || state is null)
        {
            return problem ?? NotFound();
        }

        var view = new DsrStatusView
        {
            RequestId = requestId,
            OrgId = orgId!,
            InstanceId = instanceId,
            Type = state.Input?.Type ?? state.Output?.Type,
            Status = StatusOf(state),
            Progress = state.Progress,
            Result = state.Output,
            CreatedAt = state.CreatedAt,
            LastUpdatedAt = state.LastUpdatedAt,
            Error = state.Output?.Error ?? (state.RuntimeStatus == DsrRuntimeStatus.Failed ? state.FailureMessage ?? "The request failed." : null),
        };
        return new DsrHttpResponse(200, view, JsonContentType, NoHeaders);
    }

    /// <summary><c>POST /api/dsr/{requestId}/approve|reject?orgId=</c>: 202 when raised, 404 unknown, 409 when not awaiting approval.</summary>
    public async Task<DsrHttpResponse> DecideAsync(string requestId, string? orgId, bool approve, CancellationToken cancellationToken)
    {
        (DsrHttpResponse? problem, string instanceId, DsrInstanceState? state) = await FindAsync(requestId, orgId, cancellationToken).ConfigureAwait(false);
        if (problem is not null || state is null)
        {
            return problem ?? NotFound();
        }

        if (StatusOf(state) != DsrStatus.AwaitingApproval)
        {
            return Problem(409, "Conflict", $"The request is not awaiting approval (status: {StatusOf(state)}).");
        }

        await instances.RaiseEventAsync(instanceId, EventNames.Approval, new ApprovalDecision(approve), cancellationToken).ConfigureAwait(false);
        string action = approve ? "approve" : "reject";
        Log.ApprovalRaised(logger, requestId, orgId!, instanceId, action);
        return Accepted(requestId, orgId!, instanceId, action);
    }

    /// <summary><c>DELETE /api/dsr/{requestId}?orgId=</c>: 202 when terminated, 404 unknown, 409 when already finished.</summary>
    public async Task<DsrHttpResponse> CancelAsync(string requestId, string? orgId, CancellationToken cancellationToken)
    {
        (DsrHttpResponse? problem, string instanceId, DsrInstanceState? state) = await FindAsync(requestId, orgId, cancellationToken).ConfigureAwait(false);
        if (problem is not null || state is null)
        {
            return problem ?? NotFound();
        }

        if (state.RuntimeStatus is DsrRuntimeStatus.Completed or DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated)
        {
            return Problem(409, "Conflict", $"The request has already finished (status: {StatusOf(state)}).");
        }

        await instances.TerminateAsync(instanceId, "Canceled through the API.", cancellationToken).ConfigureAwait(false);
        Log.RequestCanceled(logger, requestId, orgId!, instanceId);
        return Accepted(requestId, orgId!, instanceId, "cancel");
    }

    /// <summary>The caller-facing status of an instance: its own result's status, else its progress, else the engine's.</summary>
    public static DsrStatus StatusOf(DsrInstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.RuntimeStatus switch
        {
            DsrRuntimeStatus.Terminated => DsrStatus.Canceled,
            DsrRuntimeStatus.Failed => state.Output?.Status ?? DsrStatus.Failed,
            DsrRuntimeStatus.Completed => state.Output?.Status ?? DsrStatus.Completed,
            DsrRuntimeStatus.Pending => state.Progress?.Status ?? DsrStatus.Pending,
            DsrRuntimeStatus.Suspended => DsrStatus.Suspended,
            _ => state.Progress?.Status ?? DsrStatus.Running,
        };
    }

    /// <summary>The instance of a request named by the route: a problem (bad route values, 404) or its state.</summary>
    private async Task<(DsrHttpResponse? Problem, string InstanceId, DsrInstanceState? State)> FindAsync(string requestId, string? orgId, CancellationToken cancellationToken)
    {
        if (RouteProblem(requestId, orgId) is { } problem)
        {
            return (problem, string.Empty, null);
        }

        string instanceId = DsrInstanceId.For(orgId!, requestId);
        DsrInstanceState? state = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state is null ? (NotFound(), instanceId, null) : (null, instanceId, state);
    }

    private bool IsKnownOrg(string orgId) => zohoOptions.Value.Orgs.Keys.Contains(orgId, StringComparer.OrdinalIgnoreCase);

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

    private DsrHttpResponse? RouteProblem(string requestId, string? orgId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (DsrRequestId.Problem(requestId) is { } requestIdProblem)
        {
            errors["requestId"] = [requestIdProblem];
        }

        if (string.IsNullOrWhiteSpace(orgId))
        {
            errors["orgId"] = ["The orgId query parameter is required."];
        }
        else if (!IsKnownOrg(orgId))
        {
            errors["orgId"] = ["orgId is not a configured Zoho CRM org."];
        }

        return errors.Count == 0 ? null : Problem(400, "Bad Request", "The request has invalid parameters; see errors.", errors);
    }

    private DsrHttpResponse Accepted(string requestId, string orgId, string instanceId, string action)
    {
        string statusUri = $"api/{DsrRoutes.Submit}/{Uri.EscapeDataString(requestId)}?orgId={Uri.EscapeDataString(orgId)}";
        return new DsrHttpResponse(202, new DsrActionAccepted(requestId, orgId, instanceId, action, statusUri), JsonContentType, NoHeaders);
    }

    private static DsrHttpResponse NotFound() => Problem(404, "Not Found", "No request with this requestId in this org.");

    private static Dictionary<string, string[]> ToErrors(IEnumerable<DsrValidationError> errors)
        => errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    private static string SignatureDetail(WebhookSignatureResult result, TimeSpan tolerance) => result switch
    {
        WebhookSignatureResult.MissingHeaders => $"The {DsrRoutes.TimestampHeader} and {DsrRoutes.SignatureHeader} headers are required.",
        WebhookSignatureResult.Malformed => $"{DsrRoutes.TimestampHeader} must be Unix seconds and {DsrRoutes.SignatureHeader} 'sha256=' followed by 64 hex digits.",
        WebhookSignatureResult.Stale => $"{DsrRoutes.TimestampHeader} is more than {tolerance} away from the server's time.",
        _ => $"{DsrRoutes.SignatureHeader} does not match the body.",
    };

    private static DsrHttpResponse Problem(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        => new(status, new DsrProblemDetails { Title = title, Status = status, Detail = detail, Errors = errors }, DsrProblemDetails.ContentType, NoHeaders);
}

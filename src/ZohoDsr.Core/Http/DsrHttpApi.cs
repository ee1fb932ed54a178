using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The HTTP contract, host-neutral: each method takes what the route gives (the request as <see cref="DsrHttpRequest"/>
/// where it changes something, route and query values) and returns a <see cref="DsrHttpResponse"/>. ZohoDsr.Functions
/// and ZohoDsr.Local map their request types onto these calls and write the response as is. Every problem answer names
/// the field, parameter or header it concerns in <c>errors</c>.
/// </summary>
public sealed class DsrHttpApi
{
    /// <summary>The largest body accepted (bytes).</summary>
    public const int MaxBodyBytes = DsrRequestGate.MaxBodyBytes;

    private readonly DsrSubmission _submission;
    private readonly DsrStatusReader _status;
    private readonly DsrOperatorActions _actions;

    public DsrHttpApi(
        IDsrInstanceClient instances,
        DsrRequestGate gate,
        DsrRequestRecords records,
        IOptions<DsrOptions> options,
        IOptions<ZohoCrmClientOptions> zohoOptions,
        IOptions<DeadlineOptions> deadlineOptions,
        TimeProvider timeProvider,
        ILogger<DsrHttpApi> logger,
        DsrMetrics? metrics = null)
    {
        var routes = new DsrRouteResolver(instances, zohoOptions);
        _submission = new DsrSubmission(instances, gate, records, routes, options, deadlineOptions, timeProvider, logger, metrics);
        _status = new DsrStatusReader(instances, records, routes, options);
        _actions = new DsrOperatorActions(instances, gate, records, routes, deadlineOptions, timeProvider, logger);
    }

    /// <summary><c>POST /api/dsr</c>: the signed intake webhook (see <see cref="DsrSubmission"/>).</summary>
    public Task<DsrHttpResponse> SubmitAsync(DsrHttpRequest request, CancellationToken cancellationToken)
        => _submission.SubmitAsync(request, cancellationToken);

    /// <summary><c>GET /api/dsr/{requestId}?orgId=</c>: 200 <see cref="DsrStatusView"/>; 400 naming requestId or orgId; 404 unknown.</summary>
    public Task<DsrHttpResponse> GetStatusAsync(string requestId, string? orgId, CancellationToken cancellationToken)
        => _status.GetStatusAsync(requestId, orgId, cancellationToken);

    /// <summary><c>GET /api/dsr?orgId=&amp;status=&amp;dueBefore=&amp;pageSize=&amp;continuationToken=</c>: 200 <see cref="DsrListPage"/>.</summary>
    public Task<DsrHttpResponse> ListAsync(DsrListQuery query, CancellationToken cancellationToken)
        => _status.ListAsync(query, cancellationToken);

    /// <summary><c>POST /api/dsr/{requestId}/approve|reject?orgId=</c>: 202 when carried out; 404 unknown; 409 decided already or not awaiting approval.</summary>
    public Task<DsrHttpResponse> DecideAsync(DsrHttpRequest request, string requestId, string? orgId, bool approve, CancellationToken cancellationToken)
        => _actions.DecideAsync(request, requestId, orgId, approve ? DsrDecision.Approve : DsrDecision.Reject, cancellationToken);

    /// <summary><c>DELETE /api/dsr/{requestId}?orgId=</c>: 202 when terminated; 404 unknown; 409 decided already or finished.</summary>
    public Task<DsrHttpResponse> CancelAsync(DsrHttpRequest request, string requestId, string? orgId, CancellationToken cancellationToken)
        => _actions.DecideAsync(request, requestId, orgId, DsrDecision.Cancel, cancellationToken);

    /// <summary><c>POST /api/dsr/{requestId}/extend?orgId=</c>: 200 <see cref="DsrDeadlineView"/>; 400 naming reason or by; 409 extended already or finished.</summary>
    public Task<DsrHttpResponse> ExtendAsync(DsrHttpRequest request, string requestId, string? orgId, CancellationToken cancellationToken)
        => _actions.ExtendAsync(request, requestId, orgId, cancellationToken);

    /// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of this contract.</summary>
    public static DsrHttpResponse GetOpenApiDocument()
        => new(200, DsrOpenApi.Document, DsrRequestGate.JsonMediaType, DsrProblems.NoHeaders);

    /// <summary>
    /// The caller-facing status of an instance. Terminal statuses come only from the engine: while it says pending or
    /// running, the orchestration's own "completed" / "failed" (set just before it returns) reads as running, so no caller
    /// sees a finished request without its result. Completed needs a readable result; without one it is failed.
    /// </summary>
    public static DsrStatus StatusOf(DsrInstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.RuntimeStatus switch
        {
            DsrRuntimeStatus.Terminated => DsrStatus.Canceled,
            DsrRuntimeStatus.Failed => state.Output?.Status is DsrStatus.Failed or DsrStatus.Canceled ? state.Output.Status : DsrStatus.Failed,
            DsrRuntimeStatus.Completed => state.Output?.Status ?? DsrStatus.Failed,
            DsrRuntimeStatus.Suspended => DsrStatus.Suspended,
            DsrRuntimeStatus.Pending => NotFinished(state.Progress?.Status) ?? DsrStatus.Pending,
            _ => NotFinished(state.Progress?.Status) ?? DsrStatus.Running,
        };
    }

    private static DsrStatus? NotFinished(DsrStatus? status) => status switch
    {
        DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled => DsrStatus.Running,
        _ => status,
    };
}

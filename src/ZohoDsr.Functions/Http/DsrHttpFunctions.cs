using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Functions.Http;

/// <summary>
/// The HTTP contract on Functions (routes under <c>api/</c>, function keys required): each function hands the request to
/// <see cref="DsrHttpApi"/> over the bound Durable client and writes its answer unchanged.
/// </summary>
public sealed class DsrHttpFunctions(DsrHttpApiFactory apiFactory)
{
    private const string OrgIdQuery = "orgId";

    /// <summary><c>POST api/dsr</c>: the signed intake webhook (raw body; <c>X-ZohoDsr-Timestamp</c>, <c>X-ZohoDsr-Signature</c>).</summary>
    [Function(nameof(SubmitDsr))]
    public async Task<HttpResponseData> SubmitDsr(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DsrRoutes.Submit)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReadOnlyMemory<byte> bytes = await HttpBridge.ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        DsrHttpResponse answer = await Api(client, request).SubmitAsync(
            bytes,
            HttpBridge.Header(request, DsrRoutes.TimestampHeader),
            HttpBridge.Header(request, DsrRoutes.SignatureHeader),
            request.Url,
            cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET api/dsr/{requestId}?orgId=</c>: status and progress.</summary>
    [Function(nameof(GetDsrStatus))]
    public async Task<HttpResponseData> GetDsrStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DsrRoutes.Request)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DsrHttpResponse answer = await Api(client, request)
            .GetStatusAsync(requestId, HttpBridge.Query(request, OrgIdQuery), cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST api/dsr/{requestId}/approve?orgId=</c>.</summary>
    [Function(nameof(ApproveDsr))]
    public Task<HttpResponseData> ApproveDsr(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DsrRoutes.Approve)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => DecideAsync(request, requestId, client, approve: true, cancellationToken);

    /// <summary><c>POST api/dsr/{requestId}/reject?orgId=</c>.</summary>
    [Function(nameof(RejectDsr))]
    public Task<HttpResponseData> RejectDsr(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DsrRoutes.Reject)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => DecideAsync(request, requestId, client, approve: false, cancellationToken);

    /// <summary><c>DELETE api/dsr/{requestId}?orgId=</c>: cancel a running request.</summary>
    [Function(nameof(CancelDsr))]
    public async Task<HttpResponseData> CancelDsr(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = DsrRoutes.Request)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DsrHttpResponse answer = await Api(client, request)
            .CancelAsync(requestId, HttpBridge.Query(request, OrgIdQuery), cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseData> DecideAsync(
        HttpRequestData request, string requestId, DurableTaskClient client, bool approve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DsrHttpResponse answer = await Api(client, request)
            .DecideAsync(requestId, HttpBridge.Query(request, OrgIdQuery), approve, cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    private DsrHttpApi Api(DurableTaskClient client, HttpRequestData request)
        => apiFactory.Create(new DurableTaskClientInstanceClient(client, request, apiFactory.CreateLogger<DurableTaskClientInstanceClient>()));
}

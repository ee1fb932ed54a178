using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Functions.Http;

/// <summary>
/// The HTTP contract on Functions (routes under <c>api/</c>, function keys required but for the OpenAPI document): each
/// function hands the request to <see cref="DsrHttpApi"/> over the bound Durable client and writes its answer unchanged.
/// The platform has checked the function key before a function runs, so the operator routes take it in place of a
/// signature; the webhook is always signed.
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
        DsrHttpRequest http = await HttpBridge.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        DsrHttpResponse answer = await Api(client, request).SubmitAsync(http, cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET api/dsr?orgId=&amp;status=&amp;dueBefore=&amp;pageSize=&amp;continuationToken=</c>: the operators' list.</summary>
    [Function(nameof(ListDsr))]
    public async Task<HttpResponseData> ListDsr(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = DsrRoutes.Submit)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new DsrListQuery(
            HttpBridge.Query(request, OrgIdQuery),
            HttpBridge.Query(request, "status"),
            HttpBridge.Query(request, "dueBefore"),
            HttpBridge.Query(request, "pageSize"),
            HttpBridge.Query(request, "continuationToken"));
        DsrHttpResponse answer = await Api(client, request).ListAsync(query, cancellationToken).ConfigureAwait(false);
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
    public async Task<HttpResponseData> ApproveDsr(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DsrRoutes.Approve)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        DsrHttpRequest http = await HttpBridge.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        DsrHttpResponse answer = await Api(client, request)
            .DecideAsync(http, requestId, HttpBridge.Query(request, OrgIdQuery), approve: true, cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST api/dsr/{requestId}/reject?orgId=</c>.</summary>
    [Function(nameof(RejectDsr))]
    public async Task<HttpResponseData> RejectDsr(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DsrRoutes.Reject)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        DsrHttpRequest http = await HttpBridge.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        DsrHttpResponse answer = await Api(client, request)
            .DecideAsync(http, requestId, HttpBridge.Query(request, OrgIdQuery), approve: false, cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST api/dsr/{requestId}/extend?orgId=</c>: record the one extension of the due date.</summary>
    [Function(nameof(ExtendDsr))]
    public async Task<HttpResponseData> ExtendDsr(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = DsrRoutes.Extend)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        DsrHttpRequest http = await HttpBridge.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        DsrHttpResponse answer = await Api(client, request)
            .ExtendAsync(http, requestId, HttpBridge.Query(request, OrgIdQuery), cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE api/dsr/{requestId}?orgId=</c>: cancel a running request.</summary>
    [Function(nameof(CancelDsr))]
    public async Task<HttpResponseData> CancelDsr(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = DsrRoutes.Request)] HttpRequestData request,
        string requestId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        DsrHttpRequest http = await HttpBridge.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        DsrHttpResponse answer = await Api(client, request)
            .CancelAsync(http, requestId, HttpBridge.Query(request, OrgIdQuery), cancellationToken).ConfigureAwait(false);
        return await HttpBridge.WriteAsync(request, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET api/openapi.json</c>: the contract's OpenAPI document, anonymous.</summary>
    [Function(nameof(GetOpenApiDocument))]
    public static Task<HttpResponseData> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DsrRoutes.OpenApi)] HttpRequestData request,
        CancellationToken cancellationToken)
        => HttpBridge.WriteAsync(request, DsrHttpApi.GetOpenApiDocument(), cancellationToken);

    private DsrHttpApi Api(DurableTaskClient client, HttpRequestData request)
        => apiFactory.Create(new DurableTaskClientInstanceClient(client, request, apiFactory.CreateLogger<DurableTaskClientInstanceClient>()));
}

using Microsoft.AspNetCore.Http.Extensions;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Apis;

/// <summary>
/// The HTTP contract of the Functions app (<see cref="DsrRoutes"/> under <c>api/</c>), each route one call into
/// <see cref="DsrHttpApi"/> whose answer is written unchanged. There is no function key here: the routes that change
/// something take a signed request (or <c>ZohoDsr:Http:OperatorKey</c>), so a web page in the operator's browser cannot
/// call them.
/// </summary>
public static class DsrApi
{
    /// <summary>The route prefix the Functions host uses (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    public static IEndpointRouteBuilder MapDsrApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup(RoutePrefix);
        api.AddEndpointFilter(RequestBody.LimitAsync);
        api.MapPost(DsrRoutes.Submit, SubmitAsync).WithName("SubmitDsr");
        api.MapGet(DsrRoutes.Submit, ListAsync).WithName("ListDsr");
        api.MapGet(DsrRoutes.Request, GetStatusAsync).WithName("GetDsrStatus");
        api.MapPost(DsrRoutes.Approve, ApproveAsync).WithName("ApproveDsr");
        api.MapPost(DsrRoutes.Reject, RejectAsync).WithName("RejectDsr");
        api.MapPost(DsrRoutes.Extend, ExtendAsync).WithName("ExtendDsr");
        api.MapDelete(DsrRoutes.Request, CancelAsync).WithName("CancelDsr");
        api.MapGet(DsrRoutes.OpenApi, GetOpenApiDocument).WithName("GetOpenApiDocument");
        return app;
    }

    public static async Task<IResult> SubmitAsync(HttpRequest request, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.SubmitAsync(await ReadAsync(request, cancellationToken), cancellationToken)).ToResult();

    public static async Task<IResult> ListAsync(string? orgId, string? status, string? dueBefore, string? pageSize, string? continuationToken, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.ListAsync(new DsrListQuery(orgId, status, dueBefore, pageSize, continuationToken), cancellationToken)).ToResult();

    public static async Task<IResult> GetStatusAsync(string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.GetStatusAsync(requestId, orgId, cancellationToken)).ToResult();

    public static async Task<IResult> ApproveAsync(HttpRequest request, string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.DecideAsync(await ReadAsync(request, cancellationToken), requestId, orgId, approve: true, cancellationToken)).ToResult();

    public static async Task<IResult> RejectAsync(HttpRequest request, string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.DecideAsync(await ReadAsync(request, cancellationToken), requestId, orgId, approve: false, cancellationToken)).ToResult();

    public static async Task<IResult> ExtendAsync(HttpRequest request, string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.ExtendAsync(await ReadAsync(request, cancellationToken), requestId, orgId, cancellationToken)).ToResult();

    public static async Task<IResult> CancelAsync(HttpRequest request, string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.CancelAsync(await ReadAsync(request, cancellationToken), requestId, orgId, cancellationToken)).ToResult();

    /// <summary><c>GET api/openapi.json</c>, anonymous.</summary>
    public static IResult GetOpenApiDocument() => DsrHttpApi.GetOpenApiDocument().ToResult();

    /// <summary>The request as <see cref="DsrHttpApi"/> takes it; no key was checked here (<see cref="DsrHttpRequest.KeyCheckedByHost"/> false).</summary>
    public static async Task<DsrHttpRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DsrHttpRequest
        {
            Method = request.Method.ToUpperInvariant(),
            Url = new Uri(request.GetEncodedUrl()),
            Body = await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false),
            ContentType = request.ContentType,
            Timestamp = Header(request, DsrRoutes.TimestampHeader),
            Signature = Header(request, DsrRoutes.SignatureHeader),
            Key = Header(request, DsrRoutes.KeyHeader),
        };
    }

    private static string? Header(HttpRequest request, string name)
        => request.Headers.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues value) ? value.ToString() : null;
}

using Microsoft.AspNetCore.Http.Extensions;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Apis;

/// <summary>
/// The HTTP contract of the Functions app (<see cref="DsrRoutes"/> under <c>api/</c>), each route one call into
/// <see cref="DsrHttpApi"/> whose answer is written unchanged.
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
        api.MapGet(DsrRoutes.Request, GetStatusAsync).WithName("GetDsrStatus");
        api.MapPost(DsrRoutes.Approve, ApproveAsync).WithName("ApproveDsr");
        api.MapPost(DsrRoutes.Reject, RejectAsync).WithName("RejectDsr");
        api.MapDelete(DsrRoutes.Request, CancelAsync).WithName("CancelDsr");
        return app;
    }

    public static async Task<IResult> SubmitAsync(HttpRequest request, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.SubmitAsync(await RequestBody.ReadAsync(request, cancellationToken), Header(request, DsrRoutes.TimestampHeader), Header(request, DsrRoutes.SignatureHeader), RequestUrl(request), cancellationToken)).ToResult();

    public static async Task<IResult> GetStatusAsync(string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.GetStatusAsync(requestId, orgId, cancellationToken)).ToResult();

    public static async Task<IResult> ApproveAsync(string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.DecideAsync(requestId, orgId, approve: true, cancellationToken)).ToResult();

    public static async Task<IResult> RejectAsync(string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.DecideAsync(requestId, orgId, approve: false, cancellationToken)).ToResult();

    public static async Task<IResult> CancelAsync(string requestId, string? orgId, DsrHttpApi api, CancellationToken cancellationToken)
        => (await api.CancelAsync(requestId, orgId, cancellationToken)).ToResult();

    private static string? Header(HttpRequest request, string name)
        => request.Headers.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues value) ? value.ToString() : null;

    private static Uri RequestUrl(HttpRequest request) => new(request.GetEncodedUrl());
}

using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using ZohoCrm.Simulator.Limits;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// Wraps every CRM endpoint: version, token, data centre, call counting, concurrency (around the whole call),
/// sub-concurrency, injected faults, scope check, then the handler. Bad input never escapes as a 500.
/// </summary>
internal sealed class CrmPipeline(SimRegistry registry, ILogger logger)
{
    private const string AuthScheme = "Zoho-oauthtoken ";

    public RequestDelegate Wrap(string endpoint, Func<CrmContext, bool>? scopeCheck, Func<CrmContext, Task> handler, bool complex = false) =>
        http => RunAsync(http, endpoint, scopeCheck, handler, complex);

    public static bool TryParseVersion(string? text, out int version)
    {
        version = 0;
        if (text is null || text.Length < 2 || text[0] != 'v')
        {
            return false;
        }

        var number = text[1..];
        if (number == "2.1")
        {
            version = 2;
            return true;
        }

        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version is >= 2 and <= 8;
    }

    private async Task RunAsync(HttpContext http, string endpoint, Func<CrmContext, bool>? scopeCheck, Func<CrmContext, Task> handler, bool complex)
    {
        if (!TryParseVersion(http.Request.RouteValues["version"] as string, out var version))
        {
            await ZohoResponses.InvalidUrlAsync(http);
            return;
        }

        string header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(AuthScheme, StringComparison.Ordinal) || header.Length == AuthScheme.Length)
        {
            await ZohoResponses.ErrorAsync(http, 401, "AUTHENTICATION_FAILURE", "Authentication failed");
            return;
        }

        var grant = registry.Tokens.Validate(header[AuthScheme.Length..].Trim());
        var dc = http.Request.RouteValues["dc"] as string;
        if (grant is null || !string.Equals(grant.Org.DataCenter, dc, StringComparison.OrdinalIgnoreCase))
        {
            await ZohoResponses.ErrorAsync(http, 401, "INVALID_TOKEN", "invalid oauth token");
            return;
        }

        var org = grant.Org;
        var counters = org.Counters;
        var call = org.StartCall(http.Request.Method, RelativePath(http, dc!, http.Request.RouteValues["version"] as string), endpoint);
        var ctx = new CrmContext(http, registry, org, grant, version, call);
        counters.CountCall(endpoint);
        if (scopeCheck is not null && !scopeCheck(ctx))
        {
            await ZohoResponses.ScopeMismatchAsync(http);
            return;
        }

        var inFlight = counters.EnterConcurrency();
        try
        {
            if (inFlight > org.ConcurrencyLimit)
            {
                counters.CountThrottled();
                await ZohoResponses.TooManyRequestsAsync(http);
                return;
            }

            if (complex)
            {
                try
                {
                    if (counters.EnterSubConcurrency() > EditionLimits.SubConcurrency)
                    {
                        counters.CountThrottled();
                        await ZohoResponses.TooManyRequestsAsync(http);
                        return;
                    }

                    await RunFaultsAndHandlerAsync(ctx, handler);
                }
                finally
                {
                    counters.ExitSubConcurrency();
                }
            }
            else
            {
                await RunFaultsAndHandlerAsync(ctx, handler);
            }
        }
        finally
        {
            counters.ExitConcurrency();
        }
    }

    /// <summary>The path after <c>/api/{dc}/crm/{version}</c>, as fault rules match it.</summary>
    private static string RelativePath(HttpContext http, string dc, string? version)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var prefix = "/api/" + dc + "/crm/" + version;
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path[prefix.Length..] : path;
    }

    private async Task RunFaultsAndHandlerAsync(CrmContext ctx, Func<CrmContext, Task> handler)
    {
        var http = ctx.Http;
        var org = ctx.Org;
        if (org.Faults.Any)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, registry.Stopping);
            var (latency, fault) = org.Faults.Draw(ctx.Call.Method, ctx.Call.Path);
            if (latency > TimeSpan.Zero)
            {
                var delay = Task.Delay(latency, registry.Time, linked.Token);
                org.Counters.EnterHeld();
                try
                {
                    await delay;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                finally
                {
                    org.Counters.ExitHeld();
                }
            }

            if (fault != FaultKind.None)
            {
                org.Counters.CountFault();
                Log.FaultInjected(logger, org.OrgId, fault.ToString());
            }

            switch (fault)
            {
                case FaultKind.TooManyRequests:
                    org.Counters.CountThrottled();
                    await ZohoResponses.TooManyRequestsAsync(http);
                    return;
                case FaultKind.InternalError:
                    await ZohoResponses.ErrorAsync(http, 500, "INTERNAL_ERROR", "Internal Server Error");
                    return;
                case FaultKind.ServiceUnavailable:
                    http.Response.StatusCode = 503;
                    http.Response.ContentType = "text/html;charset=UTF-8";
                    await http.Response.WriteAsync("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", linked.Token);
                    return;
                case FaultKind.Timeout:
                    await HangAsync(org, linked.Token);
                    return;
                case FaultKind.DropConnection:
                    http.Abort();
                    return;
                case FaultKind.RevokeRefreshTokens:
                    org.RevokeRefreshTokens();
                    await ZohoResponses.ErrorAsync(http, 401, "INVALID_TOKEN", "invalid oauth token");
                    return;
                case FaultKind.LostAnswerDropConnection or FaultKind.LostAnswerGatewayTimeout or FaultKind.LostAnswerTimeout:
                    await LoseAnswerAsync(ctx, handler, fault, linked.Token);
                    return;
            }
        }

        await RunHandlerAsync(ctx, handler);
    }

    /// <summary>Applies the call with its answer thrown away, then loses the answer the way <paramref name="fault"/> says.</summary>
    private async Task LoseAnswerAsync(CrmContext ctx, Func<CrmContext, Task> handler, FaultKind fault, CancellationToken cancellationToken)
    {
        var http = ctx.Http;
        var answer = http.Features.Get<IHttpResponseBodyFeature>()!;
        var sink = new StreamResponseBodyFeature(Stream.Null);
        http.Features.Set<IHttpResponseBodyFeature>(sink);
        try
        {
            await RunHandlerAsync(ctx, handler);
            await sink.CompleteAsync();
        }
        finally
        {
            http.Features.Set(answer);
        }

        ctx.Call.LostAnswer = fault;
        http.Response.Headers.Clear();
        switch (fault)
        {
            case FaultKind.LostAnswerDropConnection:
                http.Abort();
                return;
            case FaultKind.LostAnswerGatewayTimeout:
                http.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync("<html><body><h1>504 Gateway Time-out</h1></body></html>", cancellationToken);
                return;
            default:
                await HangAsync(ctx.Org, cancellationToken);
                return;
        }
    }

    /// <summary>Holds the call (counted in <see cref="SimCounters.CurrentlyHeld"/>) until the client or the host gives up.</summary>
    private async Task HangAsync(SimOrg org, CancellationToken cancellationToken)
    {
        org.Counters.EnterHeld();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, registry.Time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            org.Counters.ExitHeld();
        }
    }

    private async Task RunHandlerAsync(CrmContext ctx, Func<CrmContext, Task> handler)
    {
        var http = ctx.Http;
        var org = ctx.Org;
        try
        {
            await handler(ctx);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            Log.HandlerFailed(logger, ex, org.OrgId);
            http.Response.Clear();
            await ZohoResponses.ErrorAsync(http, 500, "INTERNAL_ERROR", "Internal Server Error");
        }
    }
}

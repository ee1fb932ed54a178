using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using ZohoCrm.Simulator.Auth;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// Zoho Accounts (reference section 2) at <c>{base}/accounts/{dc}</c>: authorization redirect, token grants
/// (form body or query string), revoke. Errors answer HTTP 200 with <c>{"error": ...}</c>, as Zoho does.
/// </summary>
internal static class OAuthApi
{
    public static void MapOAuthApi(this IEndpointRouteBuilder app, SimRegistry registry)
    {
        var accounts = app.MapGroup("/accounts/{dc}/oauth/v2");
        accounts.MapGet("/auth", http => AuthorizeAsync(http, registry));
        accounts.MapPost("/token", http => TokenAsync(http, registry));
        accounts.MapPost("/token/revoke", http => RevokeAsync(http, registry));
    }

    private static async Task<Dictionary<string, string>> ReadParamsAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }
        }

        return values;
    }

    private static async Task AuthorizeAsync(HttpContext http, SimRegistry registry)
    {
        var dc = http.Request.RouteValues["dc"] as string ?? string.Empty;
        var q = http.Request.Query;
        var org = registry.Tokens.FindClient(q["client_id"].ToString());
        if (org is null || !string.Equals(org.DataCenter, dc, StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(http, w => w.WriteString("error", "invalid_client"), 400);
            return;
        }

        var redirect = q["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            await WriteAsync(http, w => w.WriteString("error", "invalid_redirect_uri"), 400);
            return;
        }

        if (q["response_type"].ToString() != "code")
        {
            await WriteAsync(http, w => w.WriteString("error", "unsupported_response_type"), 400);
            return;
        }

        var scopes = q["scope"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var offline = string.Equals(q["access_type"].ToString(), "offline", StringComparison.OrdinalIgnoreCase);
        var code = registry.Tokens.IssueGrantCode(org, redirect, scopes, offline);
        var query = new Dictionary<string, string?>
        {
            ["code"] = code,
            ["location"] = dc.ToLowerInvariant(),
            ["accounts-server"] = registry.AccountsUrl(dc).ToString(),
        };
        if (q.TryGetValue("state", out var state))
        {
            query["state"] = state.ToString();
        }

        http.Response.Redirect(QueryHelpers.AddQueryString(redirect, query));
    }

    private static async Task TokenAsync(HttpContext http, SimRegistry registry)
    {
        var dc = http.Request.RouteValues["dc"] as string ?? string.Empty;
        var p = await ReadParamsAsync(http.Request);
        var clientId = p.GetValueOrDefault("client_id");
        var org = registry.Tokens.FindClient(clientId);
        org?.Counters.CountTokenRequest();
        var grantType = p.GetValueOrDefault("grant_type");
        TokenOutcome outcome = grantType switch
        {
            "authorization_code" => registry.Tokens.ExchangeCode(dc, clientId, p.GetValueOrDefault("client_secret"), p.GetValueOrDefault("redirect_uri"), p.GetValueOrDefault("code")),
            "refresh_token" => registry.Tokens.Refresh(dc, clientId, p.GetValueOrDefault("client_secret"), p.GetValueOrDefault("refresh_token")),
            _ => TokenOutcome.Fail("unsupported_grant_type"),
        };
        if (outcome.Throttled)
        {
            org?.Counters.CountThrottled();
            await WriteAsync(http, w =>
            {
                w.WriteString("error", "Access Denied");
                w.WriteString("error_description", "You have made too many requests continuously. Please try again after some time.");
                w.WriteString("status", "failure");
            });
            return;
        }

        if (outcome.Error is { } error)
        {
            await WriteAsync(http, w => w.WriteString("error", error));
            return;
        }

        await WriteAsync(http, w =>
        {
            w.WriteString("access_token", outcome.AccessToken);
            if (outcome.RefreshToken is not null)
            {
                w.WriteString("refresh_token", outcome.RefreshToken);
            }

            w.WriteString("api_domain", registry.ApiDomain(org!.DataCenter).ToString().TrimEnd('/'));
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (int)TokenService.AccessTokenLifetime.TotalSeconds);
        });
    }

    private static async Task RevokeAsync(HttpContext http, SimRegistry registry)
    {
        var p = await ReadParamsAsync(http.Request);
        if (registry.Tokens.Revoke(p.GetValueOrDefault("token")))
        {
            await WriteAsync(http, w => w.WriteString("status", "success"));
        }
        else
        {
            await WriteAsync(http, w => w.WriteString("error", "invalid_code"));
        }
    }

    private static Task WriteAsync(HttpContext http, Action<Utf8JsonWriter> body, int status = 200) =>
        ZohoResponses.WriteJsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        });
}

using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ZohoCrm.Client;

/// <summary>
/// What the HTTP layer's resilience strategies handle. Transient: 5xx, 408, network failures and timeouts, never 429 (the
/// orchestration owns throttling). The retry repeats only requests marked <see cref="ZohoRequestOptions.Repeatable"/>
/// (reads): a delete whose answer was lost must not be sent again blindly. Each org has its own pipeline, hence its own
/// circuit breaker.
/// </summary>
internal static class ZohoResilience
{
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
        => ValueTask.FromResult(IsRepeatable(args.Context.GetRequestMessage()) && IsTransient(args.Outcome));

    public static ValueTask<bool> IsTransientNot429(Outcome<HttpResponseMessage> outcome) => ValueTask.FromResult(IsTransient(outcome));

    /// <summary>
    /// The resilience pipeline a request runs through: its org's own (so one org's failures open only that org's circuit,
    /// whichever data centre or API host the orgs share), or, for a request without an org, its host's.
    /// </summary>
    public static string PipelineKey(HttpRequestMessage request)
        => request.Options.TryGetValue(ZohoRequestOptions.OrgId, out string? orgId)
            ? "org:" + orgId.ToUpperInvariant()
            : "host:" + request.RequestUri?.Authority;

    private static bool IsRepeatable(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(ZohoRequestOptions.Repeatable, out bool repeatable) && repeatable;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        HttpResponseMessage? response = outcome.Result;
        return response is not null && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
    }
}

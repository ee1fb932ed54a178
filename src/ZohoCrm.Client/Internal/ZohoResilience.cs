using System.Net;
using Polly;
using Polly.Timeout;

namespace ZohoCrm.Client;

/// <summary>What the transient retry and the circuit breaker handle: 5xx, network failures and timeouts, never 429.</summary>
internal static class ZohoResilience
{
    public static ValueTask<bool> IsTransientNot429(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return ValueTask.FromResult(outcome.Exception is HttpRequestException or TimeoutRejectedException);
        }

        HttpResponseMessage? response = outcome.Result;
        bool transient = response is not null
            && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
        return ValueTask.FromResult(transient);
    }
}

using System.ComponentModel.DataAnnotations;

namespace ZohoCrm.Client;

/// <summary>Options for <see cref="ZohoCrmClient"/>, bound from the <c>Zoho</c> configuration section.</summary>
public sealed class ZohoCrmClientOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Zoho";

    /// <summary>The Zoho CRM API versions this client speaks.</summary>
    public enum ServiceVersion
    {
        /// <summary>API v2, as most existing integrations use (<c>/crm/v2</c>).</summary>
        V2 = 2,

        /// <summary>API v8, the current version (<c>/crm/v8</c>): mandatory <c>fields</c>, <c>page_token</c> paging, recycle-bin purge.</summary>
        V8 = 8,
    }

    /// <summary>The API version used by orgs that do not set their own. Default: <see cref="ServiceVersion.V8"/>.</summary>
    public ServiceVersion Version { get; set; } = ServiceVersion.V8;

    /// <summary>The orgs this client can reach, keyed by org id (configuration <c>Zoho:Orgs:{orgId}</c>).</summary>
    public Dictionary<string, ZohoOrgOptions> Orgs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Time allowed for one HTTP attempt. Default: 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one call including its transient retries. Default: 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries (with jitter) of transient 5xx, network errors and timeouts. Never applies to 429. Default: 3.</summary>
    [Range(0, 10)]
    public int MaxTransientRetries { get; set; } = 3;

    /// <summary>
    /// When true, a 429 is retried inside the client with exponential backoff (for the local engine and scripts).
    /// Default false: a <see cref="ZohoThrottledException"/> surfaces so a durable orchestration can wait on a timer.
    /// </summary>
    public bool RetryThrottledInProcess { get; set; }

    /// <summary>Maximum in-process retries of a 429 when <see cref="RetryThrottledInProcess"/> is on. Default: 6.</summary>
    [Range(0, 20)]
    public int MaxThrottledRetries { get; set; } = 6;

    /// <summary>The fraction of the edition's concurrency and credit limits callers should stay under. Default: 0.75.</summary>
    [Range(0.05, 1.0)]
    public double BudgetFraction { get; set; } = 0.75;
}

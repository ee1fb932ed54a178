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

    /// <summary>Retries (with jitter) of transient 5xx, network errors and timeouts, for reads only (GET, COQL, Search) and token refreshes. Never applies to 429, nor to a delete. Default: 3.</summary>
    [Range(0, 10)]
    public int MaxTransientRetries { get; set; } = 3;

    /// <summary>The fraction of the edition's concurrency and credit limits callers should stay under. Default: 0.75.</summary>
    [Range(0.05, 1.0)]
    public double BudgetFraction { get; set; } = 0.75;

    /// <summary>
    /// Base delay of the transient retries (exponential, with jitter). Default: 2 seconds. Tests set it near zero.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long before its expiry a cached access token is replaced. Default: 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Token requests (refreshes and code exchanges) allowed per org in <see cref="TokenRequestWindow"/>; the provider
    /// refuses the next one with <see cref="ZohoThrottledException"/> rather than trip Zoho's limit of 10 access tokens per
    /// refresh token per 10 minutes. Default: 10.
    /// </summary>
    [Range(1, 100)]
    public int MaxTokenRequestsPerWindow { get; set; } = 10;

    /// <summary>The rolling window of <see cref="MaxTokenRequestsPerWindow"/>. Default: 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TokenRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The largest COQL LIMIT on v8 (v2 always uses 200). Zoho charges a COQL call by its LIMIT: 1 credit up to 200, 2 up to
    /// 1,000, 3 up to 2,000. The client asks 200 first and grows to 1,000, then to this, only while pages come back full.
    /// Default: 2,000.
    /// </summary>
    [Range(1, 2_000)]
    public int CoqlPageSize { get; set; } = 2_000;

    /// <summary>
    /// The furthest COQL OFFSET + LIMIT the client uses (Zoho's sources say 10,000 or 100,000; the stricter is the
    /// default). Past it, paging continues by keyset: <c>id &gt;= 'last id'</c> (rows already returned skipped), ordered by
    /// id. Default: 10,000.
    /// </summary>
    [Range(200, 100_000)]
    public int CoqlMaxOffset { get; set; } = 10_000;
}

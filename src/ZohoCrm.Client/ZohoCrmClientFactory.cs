using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client;

/// <summary>
/// Creates the <see cref="ZohoCrmClient"/> of a configured org on the named HTTP client <see cref="HttpClientName"/>; the
/// clients of one org share one <see cref="ZohoUsage"/> (calls, credits, calls in flight).
/// </summary>
public sealed class ZohoCrmClientFactory : IZohoCrmClientFactory
{
    /// <summary>The name of the HTTP client API calls use (resilience pipeline, no request logging).</summary>
    public const string HttpClientName = "ZohoCrm";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ZohoTokenProvider _tokenProvider;
    private readonly IOptions<ZohoCrmClientOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ZohoCrmClient> _logger;
    private readonly ConcurrentDictionary<string, ZohoUsageTracker> _usage = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the factory.</summary>
    public ZohoCrmClientFactory(
        IHttpClientFactory httpClientFactory,
        ZohoTokenProvider tokenProvider,
        IOptions<ZohoCrmClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ZohoCrmClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _tokenProvider = tokenProvider;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public ZohoCrmClient GetClient(string orgId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ZohoCrmClientOptions options = _options.Value;
        if (!options.Orgs.TryGetValue(orgId, out ZohoOrgOptions? org))
        {
            throw new ArgumentException($"Zoho org '{orgId}' is not configured (Zoho:Orgs:{orgId}).", nameof(orgId));
        }

        ZohoUsageTracker usage = _usage.GetOrAdd(orgId, _ => ZohoCrmClient.CreateUsageTracker(org, options));
        return new ZohoCrmClient(orgId, _httpClientFactory.CreateClient(HttpClientName), _tokenProvider, _options, _timeProvider, _logger, usage);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Keeps an org's metadata reads (<c>GET /org</c>, a module's fields, the Contacts related lists) for
/// <see cref="DsrOptions.MetadataCacheTtl"/>, so that requests arriving close together pay for them once instead of once
/// each (5 calls and credits a request at the default module lists). Only successful reads are kept: a refusal (a module
/// the org lacks) is asked again by the next request. Each process has its own cache; a zero TTL turns it off.
/// <para>
/// What a stale entry can cost, and why it stays correct: an email field made restricted within the TTL makes COQL answer
/// <c>INVALID_QUERY</c> "restricted", and the find then falls back to the scan (<see cref="FindInModuleHandler"/>); a
/// field made unrestricted is scanned for at most the TTL (calls, not correctness). An email field added within the TTL is
/// not matched until the entry expires, which is why the TTL stays short.
/// </para>
/// </summary>
public sealed class OrgMetadataCache(IOptions<DsrOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<(string OrgId, string Key), Entry> _entries = new();

    /// <summary>The cached value of <paramref name="key"/> for <paramref name="orgId"/>, else what <paramref name="read"/> returns (then kept).</summary>
    public async Task<T> GetOrReadAsync<T>(string orgId, string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(read);
        TimeSpan ttl = options.Value.MetadataCacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return await read(cancellationToken).ConfigureAwait(false);
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        if (_entries.TryGetValue((orgId, key), out Entry? entry) && entry.Expires > now && entry.Value is T cached)
        {
            return cached;
        }

        T value = await read(cancellationToken).ConfigureAwait(false);
        _entries[(orgId, key)] = new Entry(value, timeProvider.GetUtcNow() + ttl);
        return value;
    }

    private sealed record Entry(object Value, DateTimeOffset Expires);
}

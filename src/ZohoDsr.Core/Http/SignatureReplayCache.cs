using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ZohoDsr.Core.Http;

/// <summary>
/// Remembers every signature this process accepted, per route, until its timestamp goes out of the tolerance, so that a
/// signed request replayed within the tolerance is refused instead of being carried out twice. Keys are SHA-256 hashes of
/// method, path and query, and signature. The memory is per process: hosts behind a load balancer (several Function App
/// instances) each keep their own, so a replay that reaches another instance is not caught here; the idempotent webhook
/// and the first-wins decision records still keep such a replay from doing anything twice.
/// </summary>
public sealed class SignatureReplayCache(TimeProvider timeProvider)
{
    /// <summary>The most fresh signatures kept at once.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _pruning = new();

    /// <summary>Records the signature of <paramref name="method"/> <paramref name="url"/> unless it was seen; it is forgotten at <paramref name="staleAt"/>.</summary>
    public ReplayCheck Remember(string method, Uri url, string signature, DateTimeOffset staleAt)
    {
        ArgumentNullException.ThrowIfNull(url);
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {url.PathAndQuery} {signature.Trim().ToLowerInvariant()}")));
        DateTimeOffset now = timeProvider.GetUtcNow();
        if (_seen.Count >= Capacity)
        {
            Prune(now);
            if (_seen.Count >= Capacity)
            {
                return ReplayCheck.Full;
            }
        }

        if (_seen.TryAdd(key, staleAt))
        {
            return ReplayCheck.Fresh;
        }

        // A signature past its tolerance was refused as stale before it got here; one still remembered is a replay.
        return _seen.TryGetValue(key, out DateTimeOffset until) && until < now && _seen.TryUpdate(key, staleAt, until)
            ? ReplayCheck.Fresh
            : ReplayCheck.Replayed;
    }

    private void Prune(DateTimeOffset now)
    {
        lock (_pruning)
        {
            foreach ((string key, DateTimeOffset until) in _seen)
            {
                if (until < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }
    }
}

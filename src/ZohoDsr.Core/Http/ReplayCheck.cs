namespace ZohoDsr.Core.Http;

/// <summary>What <see cref="SignatureReplayCache"/> says of a verified signature.</summary>
public enum ReplayCheck
{
    /// <summary>Not seen before: accepted, and remembered until it goes stale.</summary>
    Fresh,

    /// <summary>Seen before on the same route while still within the tolerance: a replay.</summary>
    Replayed,

    /// <summary>The cache holds as many fresh signatures as it may: refused until some go stale.</summary>
    Full,
}

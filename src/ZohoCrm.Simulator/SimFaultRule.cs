using System.Text.RegularExpressions;

namespace ZohoCrm.Simulator;

/// <summary>
/// A fault aimed at some calls: by HTTP method and path pattern, with a probability, after letting the first matching
/// calls through, at most a number of times. Draws come from the rule's own seeded RNG, so a run that makes the same
/// calls in the same order meets the same faults.
/// </summary>
public sealed class SimFaultRule
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    private Regex? _path;
    private Random? _rng;
    private int _matched;
    private int _fired;

    public required FaultKind Kind { get; init; }

    /// <summary>HTTP method the rule applies to (<c>DELETE</c>); null: every method.</summary>
    public string? Method { get; init; }

    /// <summary>
    /// Glob over the path after <c>/crm/{version}</c>, without the query: <c>*</c> matches any run of characters
    /// (slashes too), <c>?</c> one character, case-sensitive (<c>/Contacts</c>, <c>/Contacts/*/Notes/*</c>,
    /// <c>/settings/recycle_bin*</c>, <c>*</c>); null: every path.
    /// </summary>
    public string? PathPattern { get; init; }

    /// <summary>Chance (0 to 1) that an eligible matching call meets the fault.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>Matching calls let through before the rule may fire (1: the second matching call is the first target).</summary>
    public int SkipFirst { get; init; }

    /// <summary>Fires at most this many times (null: no limit).</summary>
    public int? MaxTimes { get; init; }

    /// <summary>Seed of the rule's RNG (null: derived from the org's fault seed and the rule's position).</summary>
    public int? Seed { get; init; }

    /// <summary>Calls that matched method and path so far.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <summary>Calls the rule faulted so far.</summary>
    public int Fired => Volatile.Read(ref _fired);

    /// <summary>The first problem with the rule, naming the property, or null when it is valid.</summary>
    public string? Validate()
    {
        if (Kind == FaultKind.None || !Enum.IsDefined(Kind))
        {
            return $"Kind must be one of {string.Join(", ", Enum.GetNames<FaultKind>().Where(n => n != nameof(FaultKind.None)))}.";
        }

        if (Method is not null && !Methods.Contains(Method))
        {
            return "Method must be GET, POST, PUT, PATCH or DELETE (upper case), or absent for every method.";
        }

        if (PathPattern is not null && (PathPattern.Length == 0 || (PathPattern[0] != '/' && PathPattern[0] != '*')))
        {
            return "PathPattern must start with '/' or '*' (a glob over the path after /crm/{version}, such as /Contacts*).";
        }

        if (double.IsNaN(Probability) || Probability is < 0 or > 1)
        {
            return "Probability must be between 0 and 1.";
        }

        if (SkipFirst < 0)
        {
            return "SkipFirst must be 0 or more.";
        }

        return MaxTimes is < 1 ? "MaxTimes must be 1 or more (or absent for no limit)." : null;
    }

    /// <summary>Gives the rule its RNG and compiled pattern; false when it was already armed (added elsewhere).</summary>
    internal bool TryArm(int seed)
    {
        if (_rng is not null)
        {
            return false;
        }

        _rng = new Random(Seed ?? seed);
        _path = PathPattern is null
            ? null
            : new Regex("^" + Regex.Escape(PathPattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
        return true;
    }

    /// <summary>Counts a matching call and draws; the caller holds the fault lock.</summary>
    internal bool TryFire(string method, string path)
    {
        if ((Method is not null && !string.Equals(Method, method, StringComparison.Ordinal)) || (_path is not null && !_path.IsMatch(path)))
        {
            return false;
        }

        var matched = Interlocked.Increment(ref _matched);
        if (matched <= SkipFirst || (MaxTimes is int max && Fired >= max))
        {
            return false;
        }

        if (_rng!.NextDouble() >= Probability)
        {
            return false;
        }

        Interlocked.Increment(ref _fired);
        return true;
    }
}

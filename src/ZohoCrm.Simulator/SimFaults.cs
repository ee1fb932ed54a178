namespace ZohoCrm.Simulator;

/// <summary>
/// Faults injected into an org's API calls, settable at run time: rates (0..1) over every call, and rules aimed by
/// method and path (<see cref="AddRule"/>), checked first. Every draw comes from a seeded RNG.
/// </summary>
public sealed class SimFaults
{
    private readonly Lock _rngLock = new();
    private readonly Random _rng;
    private readonly int _seed;
    private readonly List<SimFaultRule> _rules = [];
    private int _rulesAdded;
    private int _ruleCount;

    public SimFaults()
        : this(1)
    {
    }

    internal SimFaults(int seed)
    {
        _seed = seed;
        _rng = new Random(seed);
    }

    /// <summary>The rules in the order they are checked.</summary>
    public IReadOnlyList<SimFaultRule> Rules
    {
        get
        {
            lock (_rngLock)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Each call waits uniformly between LatencyMin and LatencyMax (on the simulator's TimeProvider).</summary>
    public TimeSpan LatencyMin { get; set; }

    public TimeSpan LatencyMax { get; set; }

    /// <summary>429 TOO_MANY_REQUESTS.</summary>
    public double Rate429 { get; set; }

    /// <summary>500 INTERNAL_ERROR.</summary>
    public double Rate500 { get; set; }

    /// <summary>503 Service Unavailable.</summary>
    public double Rate503 { get; set; }

    /// <summary>The call hangs until the client gives up (the request is aborted).</summary>
    public double RateTimeout { get; set; }

    /// <summary>The connection is dropped without an answer.</summary>
    public double RateDropConnection { get; set; }

    /// <summary>Adds a rule after the existing ones; throws <see cref="ArgumentException"/> naming the invalid property.</summary>
    public SimFaultRule AddRule(SimFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rule));
        }

        lock (_rngLock)
        {
            if (!rule.TryArm(unchecked((_seed * 7919) + _rulesAdded + 1)))
            {
                throw new ArgumentException("The rule was already added; create a new rule.", nameof(rule));
            }

            _rulesAdded++;
            _rules.Add(rule);
            Volatile.Write(ref _ruleCount, _rules.Count);
        }

        return rule;
    }

    public void ClearRules()
    {
        lock (_rngLock)
        {
            _rules.Clear();
            Volatile.Write(ref _ruleCount, 0);
        }
    }

    /// <summary>Clears the rates, the latency and the rules.</summary>
    public void Clear()
    {
        ClearRules();
        LatencyMin = TimeSpan.Zero;
        LatencyMax = TimeSpan.Zero;
        Rate429 = 0;
        Rate500 = 0;
        Rate503 = 0;
        RateTimeout = 0;
        RateDropConnection = 0;
    }

    internal bool Any =>
        Volatile.Read(ref _ruleCount) > 0 || LatencyMax > TimeSpan.Zero || LatencyMin > TimeSpan.Zero || Rate429 > 0 || Rate500 > 0 || Rate503 > 0
        || RateTimeout > 0 || RateDropConnection > 0;

    /// <summary>The latency and fault of a call: the first rule that fires, else the rates.</summary>
    internal (TimeSpan Latency, FaultKind Fault) Draw(string method, string path)
    {
        double latencyDraw;
        double faultDraw;
        var ruled = FaultKind.None;
        lock (_rngLock)
        {
            latencyDraw = _rng.NextDouble();
            faultDraw = _rng.NextDouble();
            foreach (var rule in _rules)
            {
                if (rule.TryFire(method, path))
                {
                    ruled = rule.Kind;
                    break;
                }
            }
        }

        return Pick(latencyDraw, faultDraw, ruled);
    }

    internal (TimeSpan Latency, FaultKind Fault) Draw()
    {
        double latencyDraw;
        double faultDraw;
        lock (_rngLock)
        {
            latencyDraw = _rng.NextDouble();
            faultDraw = _rng.NextDouble();
        }

        return Pick(latencyDraw, faultDraw, FaultKind.None);
    }

    private (TimeSpan Latency, FaultKind Fault) Pick(double latencyDraw, double faultDraw, FaultKind ruled)
    {
        var min = LatencyMin;
        var max = LatencyMax < min ? min : LatencyMax;
        var latency = min + ((max - min) * latencyDraw);
        if (ruled != FaultKind.None)
        {
            return (latency, ruled);
        }

        var edge = Rate429;
        if (faultDraw < edge)
        {
            return (latency, FaultKind.TooManyRequests);
        }

        edge += Rate500;
        if (faultDraw < edge)
        {
            return (latency, FaultKind.InternalError);
        }

        edge += Rate503;
        if (faultDraw < edge)
        {
            return (latency, FaultKind.ServiceUnavailable);
        }

        edge += RateTimeout;
        if (faultDraw < edge)
        {
            return (latency, FaultKind.Timeout);
        }

        edge += RateDropConnection;
        return faultDraw < edge ? (latency, FaultKind.DropConnection) : (latency, FaultKind.None);
    }
}

namespace ZohoCrm.Simulator;

/// <summary>Faults injected into an org's API calls, settable at run time. Rates are 0..1, drawn from a seeded RNG.</summary>
public sealed class SimFaults
{
    private readonly Lock _rngLock = new();
    private readonly Random _rng;

    public SimFaults()
        : this(1)
    {
    }

    internal SimFaults(int seed)
    {
        _rng = new Random(seed);
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

    public void Clear()
    {
        LatencyMin = TimeSpan.Zero;
        LatencyMax = TimeSpan.Zero;
        Rate429 = 0;
        Rate500 = 0;
        Rate503 = 0;
        RateTimeout = 0;
        RateDropConnection = 0;
    }

    internal bool Any =>
        LatencyMax > TimeSpan.Zero || LatencyMin > TimeSpan.Zero || Rate429 > 0 || Rate500 > 0 || Rate503 > 0
        || RateTimeout > 0 || RateDropConnection > 0;

    internal (TimeSpan Latency, FaultKind Fault) Draw()
    {
        double latencyDraw;
        double faultDraw;
        lock (_rngLock)
        {
            latencyDraw = _rng.NextDouble();
            faultDraw = _rng.NextDouble();
        }

        var min = LatencyMin;
        var max = LatencyMax < min ? min : LatencyMax;
        var latency = min + ((max - min) * latencyDraw);
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

namespace ZohoDsr.Core.Orchestration;

/// <summary>Orchestration names.</summary>
public static class OrchestrationNames
{
    /// <summary>One instance per request: <see cref="DsrOrchestration"/>.</summary>
    public const string DsrOrchestration = nameof(DsrOrchestration);

    /// <summary>The retention purge of finished instances' history and exports.</summary>
    public const string RetentionPurge = nameof(RetentionPurge);

    /// <summary>The timer function that refreshes the metrics' gauges (open requests, approvals, rate gates).</summary>
    public const string RefreshMetrics = nameof(RefreshMetrics);
}

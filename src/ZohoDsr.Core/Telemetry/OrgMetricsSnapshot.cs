namespace ZohoDsr.Core.Telemetry;

/// <summary>
/// One org's state for the gauges: facts, not derived figures. <see cref="DsrMetrics"/> turns times into ages and
/// due dates into days left at the moment it reports, so a snapshot a few minutes old still reports the right ages.
/// </summary>
public sealed record OrgMetricsSnapshot
{
    /// <summary>The Zoho org id.</summary>
    public required string OrgId { get; init; }

    /// <summary>API credits the org used in the rolling 24 hours.</summary>
    public long CreditsUsed { get; init; }

    /// <summary>The org's daily credit budget; null while unknown (not reported).</summary>
    public long? DailyCreditBudget { get; init; }

    /// <summary>Rate-gate permits held now.</summary>
    public int PermitsInUse { get; init; }

    /// <summary>The rate gate's permit cap; null while unknown (not reported).</summary>
    public int? PermitLimit { get; init; }

    /// <summary>When each request now waiting for approval began to wait.</summary>
    public IReadOnlyList<DateTimeOffset> AwaitingApprovalSince { get; init; } = [];

    /// <summary>The due date (<c>DsrDeadline.DueBy</c>) of each open request.</summary>
    public IReadOnlyList<DateTimeOffset> OpenRequestsDueBy { get; init; } = [];
}

using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// How a request ended, for its metrics: type, final status, the reason of a failure (a <c>DsrErrorTypes</c> value),
/// the time from its acceptance to its end, and its records counted by module and outcome. Counts only: no record id,
/// no email.
/// </summary>
public sealed record ReportOutcomeInput(string OrgId, string RequestId) : ActivityInput(OrgId, RequestId)
{
    public required DsrRequestType Type { get; init; }

    /// <summary>The final status: <see cref="DsrStatus.Completed"/>, <see cref="DsrStatus.Failed"/> or <see cref="DsrStatus.Canceled"/>.</summary>
    public required DsrStatus Status { get; init; }

    /// <summary>Why a failed request failed; null otherwise.</summary>
    public string? ErrorType { get; init; }

    /// <summary>From the webhook's acceptance to the final status, approval waits included.</summary>
    public TimeSpan Duration { get; init; }

    public IReadOnlyList<RecordOutcomeCount> Records { get; init; } = [];

    /// <summary>The report of <paramref name="result"/>: its records counted by module and outcome, in ordinal order.</summary>
    public static ReportOutcomeInput Of(DsrResult result, string? errorType, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(result);
        List<RecordOutcomeCount> records = result.Records
            .GroupBy(r => (r.Module, r.Outcome))
            .Select(g => new RecordOutcomeCount(g.Key.Module, g.Key.Outcome, g.Count()))
            .OrderBy(c => c.Module, StringComparer.Ordinal)
            .ThenBy(c => c.Outcome)
            .ToList();
        return new ReportOutcomeInput(result.OrgId, result.RequestId)
        {
            Type = result.Type,
            Status = result.Status,
            ErrorType = result.Status == DsrStatus.Failed ? errorType ?? Telemetry.DsrErrorTypes.ActivityFailed : null,
            Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration,
            Records = records,
        };
    }
}

using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Records how a request ended in <see cref="DsrMetrics"/>: the request's end and duration, and its records by module and
/// outcome. The orchestration calls it once, after everything else and without a retry, so that a request is counted
/// once (twice at most, when the engine delivers the call again after a crash), and never from a replay.
/// </summary>
public sealed class ReportOutcomeHandler(DsrMetrics metrics)
{
    public Task<ReportOutcomeResult> HandleAsync(ReportOutcomeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        metrics.RequestEnded(input.Type, input.Status, input.OrgId, input.Duration, input.ErrorType);
        foreach (RecordOutcomeCount count in input.Records)
        {
            metrics.RecordOutcome(count.Outcome, count.Module, input.OrgId, count.Count);
        }

        return Task.FromResult(new ReportOutcomeResult(input.Records.Sum(c => c.Count)));
    }
}

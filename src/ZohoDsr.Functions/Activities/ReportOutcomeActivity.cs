using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Records how a request ended in the metrics (once, at the end of the orchestration).</summary>
public sealed class ReportOutcomeActivity(ReportOutcomeHandler handler)
{
    [Function(ActivityNames.ReportOutcome)]
    public Task<ReportOutcomeResult> RunAsync([ActivityTrigger] ReportOutcomeInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

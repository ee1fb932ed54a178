using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Finds one related module's records of the matched contacts.</summary>
public sealed class FindRelatedActivity(FindRelatedHandler handler)
{
    [Function(ActivityNames.FindRelated)]
    public Task<FindRecordsResult> RunAsync([ActivityTrigger] FindRelatedInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

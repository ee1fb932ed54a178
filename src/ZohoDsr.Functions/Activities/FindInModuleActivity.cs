using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Finds the subject in one parent module.</summary>
public sealed class FindInModuleActivity(FindInModuleHandler handler)
{
    [Function(ActivityNames.FindInModule)]
    public Task<FindRecordsResult> RunAsync([ActivityTrigger] FindInModuleInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

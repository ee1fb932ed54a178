using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Purges deleted records from Zoho's recycle bin.</summary>
public sealed class PurgeRecycleBinActivity(PurgeRecycleBinHandler handler)
{
    [Function(ActivityNames.PurgeRecycleBin)]
    public Task<DeleteBatchResult> RunAsync([ActivityTrigger] PurgeRecycleBinInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

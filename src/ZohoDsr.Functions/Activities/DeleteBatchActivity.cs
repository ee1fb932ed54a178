using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Deletes up to 100 records of one module.</summary>
public sealed class DeleteBatchActivity(DeleteBatchHandler handler)
{
    [Function(ActivityNames.DeleteBatch)]
    public Task<DeleteBatchResult> RunAsync([ActivityTrigger] DeleteBatchInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Joins the parts into the request's export.</summary>
public sealed class FinalizeExportActivity(FinalizeExportHandler handler)
{
    [Function(ActivityNames.FinalizeExport)]
    public Task<FinalizeExportResult> RunAsync([ActivityTrigger] FinalizeExportInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

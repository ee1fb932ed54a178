using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Writes one part of the access export.</summary>
public sealed class ExportRecordsActivity(ExportRecordsHandler handler)
{
    [Function(ActivityNames.ExportRecords)]
    public Task<ExportRecordsResult> RunAsync([ActivityTrigger] ExportRecordsInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

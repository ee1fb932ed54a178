using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Appends entries to the request's audit log.</summary>
public sealed class WriteAuditActivity(WriteAuditHandler handler)
{
    [Function(ActivityNames.WriteAudit)]
    public Task<WriteAuditResult> RunAsync([ActivityTrigger] WriteAuditInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

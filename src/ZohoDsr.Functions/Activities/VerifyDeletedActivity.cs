using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Checks that deleted records are gone.</summary>
public sealed class VerifyDeletedActivity(VerifyDeletedHandler handler)
{
    [Function(ActivityNames.VerifyDeleted)]
    public Task<VerifyDeletedResult> RunAsync([ActivityTrigger] VerifyDeletedInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

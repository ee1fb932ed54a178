using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Posts the signed summary to the callback URL.</summary>
public sealed class SendCallbackActivity(SendCallbackHandler handler)
{
    [Function(ActivityNames.SendCallback)]
    public Task<SendCallbackResult> RunAsync([ActivityTrigger] SendCallbackInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

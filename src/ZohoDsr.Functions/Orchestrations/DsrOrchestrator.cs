using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Orchestrations;

/// <summary>The DSR orchestration on Durable Functions: Core's <see cref="DsrOrchestration"/> over the Durable context.</summary>
public static class DsrOrchestrator
{
    [Function(OrchestrationNames.DsrOrchestration)]
    public static Task<DsrResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DsrOrchestrationInput input = context.GetInput<DsrOrchestrationInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        return DsrOrchestration.RunAsync(new DurableDsrOrchestrationContext(context), input);
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Orchestrations;

/// <summary>The DSR orchestration on Durable Functions: Core's <see cref="DsrOrchestration"/> over the Durable context.</summary>
public static class DsrOrchestrator
{
    /// <summary>
    /// The orchestrator function. Its input arrives as a typed parameter (Durable's orchestration input converter), so
    /// every host that runs it, the Functions host and the local host's Durable Task Framework worker, deserialises the
    /// same <see cref="DsrOrchestrationInput"/>.
    /// </summary>
    [Function(OrchestrationNames.DsrOrchestration)]
    public static Task<DsrResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, DsrOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (input is null)
        {
            throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        }

        return DsrOrchestration.RunAsync(new DurableDsrOrchestrationContext(context), input);
    }
}

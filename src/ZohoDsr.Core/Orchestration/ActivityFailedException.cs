using ZohoDsr.Core.Activities;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// An activity call that failed after its retries, as a host's orchestration context reports it
/// (<see cref="IDsrOrchestrationContext.CallActivityAsync{TInput, TOutput}"/>): the engine's failure turned into its
/// <see cref="ActivityFault"/> (<see cref="ActivityFault.FromFailure"/>).
/// </summary>
public sealed class ActivityFailedException(string activity, ActivityFault fault, Exception? innerException = null)
    : Exception($"{activity} failed ({fault?.Code})", innerException)
{
    public ActivityFault Fault { get; } = fault ?? throw new ArgumentNullException(nameof(fault));
}

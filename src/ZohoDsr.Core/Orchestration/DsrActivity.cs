using ZohoDsr.Core.Activities;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// One activity, named once with its input and output: the orchestration schedules activities only through these
/// descriptors (<see cref="IDsrOrchestrationContext.CallActivityAsync{TInput, TOutput}"/>), so an input or a result of
/// another shape does not compile. <see cref="Name"/> is the <see cref="ActivityNames"/> constant that the hosts'
/// <c>[Function]</c> attribute uses; the list is <see cref="DsrActivities"/>.
/// </summary>
/// <typeparam name="TInput">The activity's input (its <c>[ActivityTrigger]</c> parameter).</typeparam>
/// <typeparam name="TOutput">The activity's result.</typeparam>
public sealed class DsrActivity<TInput, TOutput>
    where TInput : ActivityInput
    where TOutput : class
{
    internal DsrActivity(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

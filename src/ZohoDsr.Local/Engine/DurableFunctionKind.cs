namespace ZohoDsr.Local.Engine;

/// <summary>The kinds of durable function the Functions app declares (by its trigger attribute).</summary>
public enum DurableFunctionKind
{
    /// <summary><c>[OrchestrationTrigger]</c>.</summary>
    Orchestration,

    /// <summary><c>[ActivityTrigger]</c>.</summary>
    Activity,

    /// <summary><c>[EntityTrigger]</c>.</summary>
    Entity,
}

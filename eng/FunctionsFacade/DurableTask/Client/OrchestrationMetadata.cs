namespace Microsoft.DurableTask.Client;

public sealed class OrchestrationMetadata
{
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    public string Name { get; }

    public string InstanceId { get; }

    public DataConverter? DataConverter { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T? ReadInputAs<T>() => Converter().Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => Converter().Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => Converter().Deserialize<T>(SerializedCustomStatus);

    private DataConverter Converter()
        => DataConverter ?? throw new InvalidOperationException("The instance was fetched without its inputs and outputs.");
}

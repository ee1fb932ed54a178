using System.Text.Json;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// Where and how the local host runs the Functions app's durable functions: a Storage account (Azurite or real) and a task
/// hub in it, with Durable's Azure Storage provider settings. Several processes given the same account and hub share the
/// work through the provider's partition leases, as Function App instances do.
/// </summary>
public sealed class DurableEngineOptions
{
    /// <summary>The Storage account (blobs, queues and tables).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The task hub (host.json <c>extensions.durableTask.hubName</c>): letters and digits, 3 to 45, a letter first.</summary>
    public required string TaskHubName { get; init; }

    /// <summary>Control-queue partitions (host.json <c>storageProvider.partitionCount</c>; fixed when the hub is created).</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>
    /// The longest wait between polls of an idle queue. The provider's default (30 s) suits a billed cloud account; a
    /// local run wants an answer within a second of a durable timer firing or an activity ending.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a taken activity message stays hidden from other workers (renewed while the activity runs).</summary>
    public TimeSpan WorkItemVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a taken orchestration or entity message stays hidden from other workers.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a partition lease lasts unrenewed; renewed and sought every third of it.</summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Concurrent activity, orchestration and entity work items per process (host.json's values).</summary>
    public int MaxConcurrentActivities { get; init; } = 10;

    public int MaxConcurrentOrchestrations { get; init; } = 5;

    public int MaxConcurrentEntities { get; init; } = 10;

    /// <summary>This process's name among the hub's workers (partition lease owner); default: machine name and process id.</summary>
    public string? WorkerId { get; init; }

    /// <summary>How inputs, outputs, custom status, events and entity state are serialised.</summary>
    public JsonSerializerOptions SerializerOptions { get; init; } = DsrJson.Options;
}

namespace ZohoDsr.Local.Engine;

/// <summary>
/// The local host's engine settings (section <c>ZohoDsr:Engine</c>). Azure runs the Durable extension's defaults (30 s
/// polling, 5 min visibility); a laptop wants a request to move within a second and a crashed host's work back within a
/// minute. A message a dead process had taken is invisible to the others until its visibility timeout passes, and its
/// partitions until its lease expires: those two bound how soon a restarted host resumes what was in flight.
/// </summary>
public sealed class EngineSettings
{
    public const string SectionName = "ZohoDsr:Engine";

    /// <summary>The longest wait between polls of an idle queue. Default: 0.5 s.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a taken activity message stays hidden (renewed while the activity runs). Default: 1 min.</summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a taken orchestration or entity message stays hidden. Default: 1 min.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a partition lease lasts unrenewed (renewed and sought every third of it). Default: 30 s.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This process's name among the hub's workers; default: machine name and process id.</summary>
    public string? WorkerId { get; set; }
}

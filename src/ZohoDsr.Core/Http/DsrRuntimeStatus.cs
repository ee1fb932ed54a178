namespace ZohoDsr.Core.Http;

/// <summary>An instance's runtime status as the engine reports it (the Durable Task statuses we use).</summary>
public enum DsrRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    Suspended,
}

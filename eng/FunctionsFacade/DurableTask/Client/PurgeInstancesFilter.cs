namespace Microsoft.DurableTask.Client;

public record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null)
{
    public TimeSpan? Timeout { get; init; }
}

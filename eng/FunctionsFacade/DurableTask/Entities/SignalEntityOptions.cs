namespace Microsoft.DurableTask.Entities;

public record SignalEntityOptions
{
    public DateTimeOffset? SignalTime { get; init; }
}

namespace Microsoft.DurableTask;

// The positional shape of Microsoft.DurableTask.Abstractions up to 1.24 (what the pinned extension set resolves); 1.25's
// class-style record keeps this constructor and these two properties, so callers compile against either.
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

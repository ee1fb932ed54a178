namespace Microsoft.DurableTask.Client;

public record TerminateInstanceOptions(object? Output = null, bool Recursive = false);

namespace Microsoft.DurableTask.Client;

public record PurgeInstanceOptions(bool Recursive = false);

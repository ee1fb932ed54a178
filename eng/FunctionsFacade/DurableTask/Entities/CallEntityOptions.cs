namespace Microsoft.DurableTask.Entities;

public record CallEntityOptions
{
}

namespace Microsoft.Azure.Functions.Worker;

public static class Placeholder
{
}

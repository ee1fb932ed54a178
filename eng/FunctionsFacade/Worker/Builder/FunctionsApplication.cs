namespace Microsoft.Azure.Functions.Worker.Builder;

public class FunctionsApplication
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => throw new NotSupportedException();
}

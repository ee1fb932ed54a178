using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.Functions.Worker;

public static class FunctionsApplicationInsightsExtensions
{
    public static IServiceCollection ConfigureFunctionsApplicationInsights(this IServiceCollection services) => throw new NotSupportedException();
}

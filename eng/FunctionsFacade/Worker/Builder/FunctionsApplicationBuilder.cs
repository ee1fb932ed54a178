using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

public class FunctionsApplicationBuilder : IHostApplicationBuilder, IFunctionsWorkerApplicationBuilder
{
    internal FunctionsApplicationBuilder()
    {
    }

    public IDictionary<object, object> Properties => throw new NotSupportedException();

    public ConfigurationManager Configuration => throw new NotSupportedException();

    IConfigurationManager IHostApplicationBuilder.Configuration => throw new NotSupportedException();

    public IHostEnvironment Environment => throw new NotSupportedException();

    public ILoggingBuilder Logging => throw new NotSupportedException();

    public IMetricsBuilder Metrics => throw new NotSupportedException();

    public IServiceCollection Services => throw new NotSupportedException();

    public IHost Build() => throw new NotSupportedException();

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull => throw new NotSupportedException();

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware) => throw new NotSupportedException();
}

using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.Functions.Worker;

public interface IFunctionsWorkerApplicationBuilder
{
    IServiceCollection Services { get; }

    IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware);
}

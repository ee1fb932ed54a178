using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ZohoDsr.Core.Http;

/// <summary>Registers the HTTP contract for a host that serves it from its container.</summary>
public static class DsrHttpApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DsrHttpApi"/>, over the host's <see cref="IDsrInstanceClient"/> (which the host registers: the local
    /// host's task hub client). The Functions app does not call this: its Durable client is a binding of each HTTP
    /// function, so it makes the API per call. Needs <c>AddZohoDsrCore</c>'s options.
    /// </summary>
    public static IServiceCollection AddDsrHttpApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<DsrHttpApi>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Http;

/// <summary>Registers the HTTP contract for a host (with <c>AddZohoDsrCore</c>, which brings the export store and options).</summary>
public static class DsrHttpApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DsrHttpApi"/> over the host's <see cref="IDsrInstanceClient"/> (which the host registers: the local
    /// host's task hub client), with the parts <see cref="AddDsrHttpContract"/> adds.
    /// </summary>
    public static IServiceCollection AddDsrHttpApi(this IServiceCollection services)
    {
        services.AddDsrHttpContract();
        services.TryAddTransient<DsrHttpApi>();
        return services;
    }

    /// <summary>
    /// Adds what every <see cref="DsrHttpApi"/> shares, without the API itself: <see cref="DsrHttpOptions"/> (section
    /// <c>ZohoDsr:Http</c>, validated on start), the due-date settings (<c>ZohoDsr:Deadlines</c>), the
    /// <see cref="DsrRequestGate"/> with its process-wide <see cref="SignatureReplayCache"/>, and the
    /// <see cref="DsrRequestRecords"/>, and the metrics (<see cref="DsrMetrics"/>: a submission that starts a request counts it). The Functions app calls this alone: its Durable client is a binding of each HTTP
    /// function, so it makes the API per call around it.
    /// </summary>
    public static IServiceCollection AddDsrHttpContract(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDsrDeadlines();
        services.AddDsrMetrics();
        services.AddOptions<DsrHttpOptions>().BindConfiguration(DsrHttpOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DsrHttpOptions>, DsrHttpOptionsValidator>());
        services.TryAddSingleton<SignatureReplayCache>();
        services.TryAddSingleton<DsrRequestGate>();
        services.TryAddSingleton<DsrRequestRecords>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Http;

/// <summary>Registers the HTTP contract for a host (with <c>AddZohoDsrCore</c>, which brings the export store and options).</summary>
public static class DsrHttpApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DsrHttpApi"/> and what it needs: <see cref="DsrHttpOptions"/> (section <c>ZohoDsr:Http</c>,
    /// validated on start), the due-date settings (<c>ZohoDsr:Deadlines</c>), the <see cref="DsrRequestGate"/> with its
    /// process-wide <see cref="SignatureReplayCache"/>, and the <see cref="DsrRequestRecords"/>. The host registers its
    /// <see cref="IDsrInstanceClient"/>.
    /// </summary>
    public static IServiceCollection AddDsrHttpApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDsrDeadlines();
        services.AddOptions<DsrHttpOptions>().BindConfiguration(DsrHttpOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DsrHttpOptions>, DsrHttpOptionsValidator>());
        services.TryAddSingleton<SignatureReplayCache>();
        services.TryAddSingleton<DsrRequestGate>();
        services.TryAddSingleton<DsrRequestRecords>();
        services.TryAddTransient<DsrHttpApi>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace ZohoCrm.Client;

/// <summary>Registers the Zoho CRM client.</summary>
public static class ZohoCrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ZohoCrmClientOptions"/> (bound from the configuration section <c>Zoho</c>, then <paramref name="configure"/>; validated on start: an unknown data centre or a
    /// missing client id fails naming the key), <see cref="ZohoTokenProvider"/>, <see cref="IZohoCrmClientFactory"/>, typed
    /// HTTP clients with the resilience pipeline (no 429 retries unless enabled; no URI logging). Register an
    /// <see cref="IZohoTokenStore"/> yourself (<see cref="InMemoryZohoTokenStore"/> by default when none is registered) and a
    /// <see cref="TimeProvider"/> (System by default).
    /// </summary>
    public static IServiceCollection AddZohoCrmClient(this IServiceCollection services, Action<ZohoCrmClientOptions>? configure = null)
        => throw new NotImplementedException();
}

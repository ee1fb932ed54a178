using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Gives each activity its own <see cref="ZohoCrmClient"/> of an org, so that <see cref="ZohoCrmClient.Usage"/> counts
/// that activity's calls and credits only (the factory's clients share one counter per org, which would also count the
/// calls of activities running at the same moment). The client is built on the same named HTTP client, resilience
/// pipeline and token provider as the factory's. When another <see cref="IZohoCrmClientFactory"/> is registered (a test
/// double, a host's own), its client is used as is.
/// </summary>
public sealed class ActivityZohoClients(IZohoCrmClientFactory factory, IServiceProvider services)
{
    /// <summary>A client of <paramref name="orgId"/> for one activity; throws <see cref="ArgumentException"/> for an unknown org.</summary>
    public ZohoCrmClient For(string orgId)
    {
        ZohoCrmClient shared = factory.GetClient(orgId);
        if (factory is not ZohoCrmClientFactory || services.GetService<IHttpClientFactory>() is not { } http)
        {
            return shared;
        }

        return new ZohoCrmClient(
            orgId,
            http.CreateClient(ZohoCrmClientFactory.HttpClientName),
            services.GetRequiredService<ZohoTokenProvider>(),
            services.GetRequiredService<IOptions<ZohoCrmClientOptions>>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<ZohoCrmClient>>());
    }
}

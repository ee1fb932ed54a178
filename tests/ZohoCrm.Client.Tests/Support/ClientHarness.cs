using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ZohoCrm.Client.Tests;

/// <summary>The client as an application gets it: <c>AddZohoCrmClient</c>, one org, an in-memory token store.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public const string OrgId = "org1";

    private ClientHarness(ServiceProvider provider, CapturingLoggerProvider logs)
    {
        Provider = provider;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public CapturingLoggerProvider Logs { get; }

    public ZohoCrmClient Client => Factory.GetClient(OrgId);

    public IZohoCrmClientFactory Factory => Provider.GetRequiredService<IZohoCrmClientFactory>();

    public ZohoTokenProvider Tokens => Provider.GetRequiredService<ZohoTokenProvider>();

    public InMemoryZohoTokenStore Store => Provider.GetRequiredService<InMemoryZohoTokenStore>();

    /// <summary>A harness whose API and token calls go to fake handlers (no network).</summary>
    public static ClientHarness WithFakes(
        FakeHandler api,
        FakeHandler? token = null,
        Action<ZohoCrmClientOptions>? configure = null,
        TimeProvider? time = null,
        ZohoCrmClientOptions.ServiceVersion version = ZohoCrmClientOptions.ServiceVersion.V8,
        bool seedAccessToken = true)
    {
        ClientHarness harness = Create(
            org =>
            {
                org.DataCenter = "US";
                org.AccountsUrl = new Uri("http://127.0.0.1:9/accounts");
                org.Version = version;
            },
            configure,
            time,
            services =>
            {
                services.AddHttpClient(ZohoCrmClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api);
                services.AddHttpClient(ZohoTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(
                    () => token ?? new FakeHandler((_, _) => FakeHandler.Json(System.Net.HttpStatusCode.OK, """{"access_token":"1000.fresh","api_domain":"http://127.0.0.1:9","expires_in":3600}""")));
            });
        harness.Store.SetCredentials(OrgId, "secret-value-0123456789", "1000.refresh.0123456789");
        if (seedAccessToken)
        {
            TimeProvider clock = harness.Provider.GetRequiredService<TimeProvider>();
            harness.Store.SetAccessTokenAsync(OrgId, new ZohoAccessToken("1000.cached", new Uri("http://127.0.0.1:9"), clock.GetUtcNow().AddHours(1))).GetAwaiter().GetResult();
        }

        return harness;
    }

    public static ClientHarness Create(
        Action<ZohoOrgOptions> org,
        Action<ZohoCrmClientOptions>? configure = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        collection.AddZohoCrmClient(o =>
        {
            o.TransientRetryDelay = TimeSpan.Zero;
            var orgOptions = new ZohoOrgOptions { ClientId = "1000.CLIENTID" };
            org(orgOptions);
            o.Orgs[OrgId] = orgOptions;
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        return new ClientHarness(collection.BuildServiceProvider(validateScopes: true), logs);
    }

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ZohoCrm.Client;

/// <summary>Registers the Zoho CRM client.</summary>
public static class ZohoCrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ZohoCrmClientOptions"/> (bound from the configuration section <c>Zoho</c>, then <paramref name="configure"/>; validated on start: an unknown data centre or a
    /// missing client id fails naming the key), <see cref="ZohoTokenProvider"/>, <see cref="IZohoCrmClientFactory"/>, typed
    /// HTTP clients with the resilience pipeline (one per org: its own circuit breaker; transient retries of reads only,
    /// never of a 429 or a delete; no URI logging). Register an
    /// <see cref="IZohoTokenStore"/> yourself (<see cref="InMemoryZohoTokenStore"/> by default when none is registered) and a
    /// <see cref="TimeProvider"/> (System by default).
    /// </summary>
    public static IServiceCollection AddZohoCrmClient(this IServiceCollection services, Action<ZohoCrmClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Bound from IConfiguration when the host has one (every host does; a bare ServiceCollection may not).
        OptionsBuilder<ZohoCrmClientOptions> options = services.AddOptions<ZohoCrmClientOptions>()
            .Configure<IServiceProvider>(static (o, sp) => sp.GetService<IConfiguration>()?.GetSection(ZohoCrmClientOptions.SectionName).Bind(o))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZohoCrmClientOptions>, ZohoCrmClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryZohoTokenStore>();
        services.TryAddSingleton<IZohoTokenStore>(sp => sp.GetRequiredService<InMemoryZohoTokenStore>());

        // Token calls: their own client and a timeout, no retries here: a token request counts against Zoho's 10 per 10
        // minutes, so ZohoTokenProvider repeats a failed refresh itself, counting every attempt, and never a code exchange.
        services.AddHttpClient(ZohoTokenProvider.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("zoho-token", static (builder, context) =>
            {
                ZohoCrmClientOptions o = context.ServiceProvider.GetRequiredService<IOptions<ZohoCrmClientOptions>>().Value;
                builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                builder.AddTimeout(o.AttemptTimeout);
            });

        AddApiHttpClient(services);

        services.TryAddSingleton(sp => new ZohoTokenProvider(
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(ZohoTokenProvider.HttpClientName),
            sp.GetRequiredService<IZohoTokenStore>(),
            sp.GetRequiredService<IOptions<ZohoCrmClientOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ZohoTokenProvider>>()));
        services.TryAddSingleton<ZohoCrmClientFactory>();
        services.TryAddSingleton<IZohoCrmClientFactory>(sp => sp.GetRequiredService<ZohoCrmClientFactory>());
        return services;
    }

    // API calls: the standard pipeline's order (total timeout, retry, circuit breaker, attempt timeout) with Zoho's rules:
    // 429 is never retried here (the orchestration waits on a timer); only reads are retried (a delete whose answer was
    // lost is reported, never repeated); one pipeline per org, so one org's failures open only its own circuit; the
    // default logger would write URIs, and search URIs hold emails.
    private static void AddApiHttpClient(IServiceCollection services)
        => services.AddHttpClient(ZohoCrmClientFactory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("zoho-standard", static (builder, context) =>
            {
                ZohoCrmClientOptions o = context.ServiceProvider.GetRequiredService<IOptions<ZohoCrmClientOptions>>().Value;
                builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = o.TotalTimeout });
                if (o.MaxTransientRetries > 0)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxTransientRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.TransientRetryDelay,
                        ShouldRetryAfterHeader = false,
                        ShouldHandle = ZohoResilience.ShouldRetry,
                    });
                }

                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    ShouldHandle = args => ZohoResilience.IsTransientNot429(args.Outcome),
                });
                builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = o.AttemptTimeout });
            })
            .SelectPipelineBy(static _ => ZohoResilience.PipelineKey);
}

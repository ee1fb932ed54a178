using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ZohoDsr.Core.Deadlines;

/// <summary>Registers due-date counting.</summary>
public static class DeadlineServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="DeadlineOptions"/> (section <c>ZohoDsr:Deadlines</c>) and adds a singleton
    /// <see cref="DeadlineCalculator"/> for the configured regime.
    /// </summary>
    public static IServiceCollection AddDsrDeadlines(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeadlineOptions>, DeadlineOptionsValidator>());
        services.TryAddSingleton(sp => new DeadlineCalculator(DeadlineRegime.FromOptions(sp.GetRequiredService<IOptions<DeadlineOptions>>().Value)));
        return services;
    }
}

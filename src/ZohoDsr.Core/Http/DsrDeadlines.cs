using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Http;

/// <summary>The calculator of each regime a request may name, with the deployment's settings (<c>ZohoDsr:Deadlines</c>).</summary>
public static class DsrDeadlines
{
    public static DeadlineCalculator For(DeadlineRegimeKind kind, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DeadlineCalculator(kind switch
        {
            DeadlineRegimeKind.Gdpr => DeadlineRegime.Gdpr(options.WeekendRule, options.ExtensionCounting),
            DeadlineRegimeKind.Ccpa => DeadlineRegime.Ccpa(options.WeekendRule),
            DeadlineRegimeKind.Custom => DeadlineRegime.Custom(Math.Max(1, options.CustomDays), Math.Max(0, options.CustomExtensionDays), options.WeekendRule),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown deadline regime."),
        });
    }
}

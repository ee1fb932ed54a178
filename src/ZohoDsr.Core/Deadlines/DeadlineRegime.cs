namespace ZohoDsr.Core.Deadlines;

/// <summary>
/// How a request's due date is counted: the period from receipt, the one extension allowed, and the two settings
/// where the law or the guidance is not clear-cut (<see cref="WeekendRule"/>, <see cref="ExtensionCounting"/>).
/// Every regime counts in calendar days in the offset of the request's receipt time; the day of receipt is not
/// counted (Regulation 1182/71 Art. 3(1)); the request is due by the end of its last day.
/// </summary>
public sealed class DeadlineRegime
{
    private DeadlineRegime(DeadlineRegimeKind kind, DeadlinePeriod period, DeadlinePeriod? maxExtension, WeekendRule weekendRule, ExtensionCounting extensionCounting)
    {
        if (!Enum.IsDefined(weekendRule))
        {
            throw new ArgumentOutOfRangeException(nameof(weekendRule), weekendRule, "Unknown weekend rule.");
        }

        if (!Enum.IsDefined(extensionCounting))
        {
            throw new ArgumentOutOfRangeException(nameof(extensionCounting), extensionCounting, "Unknown extension counting.");
        }

        Kind = kind;
        Period = period;
        MaxExtension = maxExtension;
        WeekendRule = weekendRule;
        ExtensionCounting = extensionCounting;
    }

    public DeadlineRegimeKind Kind { get; }

    /// <summary>The time to answer, counted from the day after receipt.</summary>
    public DeadlinePeriod Period { get; }

    /// <summary>The longest extension allowed, in the same unit as <see cref="Period"/>; null when none is allowed.</summary>
    public DeadlinePeriod? MaxExtension { get; }

    public WeekendRule WeekendRule { get; }

    public ExtensionCounting ExtensionCounting { get; }

    /// <summary>
    /// GDPR Art. 12(3): "without undue delay and in any event within one month of receipt of the request", which "may
    /// be extended by two further months where necessary", the data subject being told of the extension and its
    /// reasons within the first month. Counted as Regulation 1182/71 Art. 3 counts periods: the day of receipt is not
    /// counted; the month ends with the last hour of the day in the next month with the same date as the day of receipt
    /// (received 5 March: due by the end of 5 April), or of that month's last day when it has no such date (received
    /// 31 January: due by the end of 28 February, or 29 February in a leap year). One extension of up to two months is
    /// allowed, counted as <paramref name="extensionCounting"/> says.
    /// Weekends: Art. 3(4) of Regulation 1182/71 ends a period that would end on a Saturday, Sunday or public holiday
    /// with the next working day, but supervisory authorities' guidance does not all say so for Art. 12(3); by default
    /// (<see cref="WeekendRule.None"/>) the due date does not move, <see cref="WeekendRule.MoveToMonday"/> moves it.
    /// </summary>
    public static DeadlineRegime Gdpr(WeekendRule weekendRule = WeekendRule.None, ExtensionCounting extensionCounting = ExtensionCounting.FromDueDate) =>
        new(DeadlineRegimeKind.Gdpr, DeadlinePeriod.Months(1), DeadlinePeriod.Months(2), weekendRule, extensionCounting);

    /// <summary>
    /// CCPA, Cal. Civ. Code 1798.130(a)(2): respond within 45 days of receiving a verifiable request; the time "may be
    /// extended once by an additional 45 days when reasonably necessary", the consumer being told within the first 45
    /// days. The CCPA regulations (Cal. Code Regs. tit. 11, 7021(b)) speak of 45 calendar days beginning on the day the
    /// request is received, whatever the time verification takes, and of at most 90 calendar days in all. Counted as
    /// California counts periods (Civ. Code 10: the first day excluded, the last included): received 1 January, due by
    /// the end of 15 February; extended, by the end of 1 April (90 days from receipt, whichever
    /// <see cref="ExtensionCounting"/>). Weekends: the regulations count calendar days, while Code Civ. Proc. 12a moves
    /// the last day of a period off a Saturday, Sunday or holiday; whether that reaches a business's answer is not
    /// settled, so by default (<see cref="WeekendRule.None"/>) the due date does not move.
    /// </summary>
    public static DeadlineRegime Ccpa(WeekendRule weekendRule = WeekendRule.None) =>
        new(DeadlineRegimeKind.Ccpa, DeadlinePeriod.Days(45), DeadlinePeriod.Days(45), weekendRule, ExtensionCounting.FromDueDate);

    /// <summary>
    /// A policy of the deployment's own (a contract, another law, a shorter internal target): <paramref name="days"/>
    /// calendar days after the day of receipt, and one extension of up to <paramref name="extensionDays"/> days
    /// (0: none). A due date on a weekend moves only under <see cref="WeekendRule.MoveToMonday"/>.
    /// </summary>
    public static DeadlineRegime Custom(int days, int extensionDays, WeekendRule weekendRule = WeekendRule.None)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(extensionDays);
        return new(
            DeadlineRegimeKind.Custom,
            DeadlinePeriod.Days(days),
            extensionDays == 0 ? null : DeadlinePeriod.Days(extensionDays),
            weekendRule,
            ExtensionCounting.FromDueDate);
    }

    /// <summary>The regime <paramref name="options"/> configure (validated by <see cref="DeadlineOptionsValidator"/>).</summary>
    public static DeadlineRegime FromOptions(DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Regime switch
        {
            DeadlineRegimeKind.Gdpr => Gdpr(options.WeekendRule, options.ExtensionCounting),
            DeadlineRegimeKind.Ccpa => Ccpa(options.WeekendRule),
            DeadlineRegimeKind.Custom => Custom(options.CustomDays, options.CustomExtensionDays, options.WeekendRule),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Regime, $"{DeadlineOptions.SectionName}:Regime must be Gdpr, Ccpa or Custom."),
        };
    }

    public override string ToString() =>
        $"{Kind}: {Period}{(MaxExtension is { } max ? $", extendable once by up to {max}" : ", no extension")}";
}

namespace ZohoDsr.Core.Deadlines;

/// <summary>How due dates are counted (section <c>ZohoDsr:Deadlines</c>). See <see cref="DeadlineRegime"/> for each regime's rules.</summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "ZohoDsr:Deadlines";

    /// <summary><c>Gdpr</c> (default), <c>Ccpa</c> or <c>Custom</c>.</summary>
    public DeadlineRegimeKind Regime { get; set; } = DeadlineRegimeKind.Gdpr;

    /// <summary>Custom regime: calendar days after the day of receipt. Default: 30.</summary>
    public int CustomDays { get; set; } = 30;

    /// <summary>Custom regime: the longest extension in days; 0 (default) allows none.</summary>
    public int CustomExtensionDays { get; set; }

    /// <summary>Whether a due date on a Saturday or Sunday moves to Monday. Default: <see cref="WeekendRule.None"/> (it does not).</summary>
    public WeekendRule WeekendRule { get; set; } = WeekendRule.None;

    /// <summary>GDPR: where the extension is counted from. Default: <see cref="ExtensionCounting.FromDueDate"/> (the stricter).</summary>
    public ExtensionCounting ExtensionCounting { get; set; } = ExtensionCounting.FromDueDate;

    /// <summary>
    /// Days ahead the <c>zohodsr.request.due_soon</c> gauge looks (overdue requests included); the due-date alert fires
    /// when it is above zero. infra/ sets it from the same parameter as that alert. Default: 7.
    /// </summary>
    public int DueSoonDays { get; set; } = 7;
}

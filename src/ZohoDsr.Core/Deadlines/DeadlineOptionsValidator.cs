using Microsoft.Extensions.Options;

namespace ZohoDsr.Core.Deadlines;

/// <summary>Validates <see cref="DeadlineOptions"/> on start; every failure names its configuration key.</summary>
public sealed class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>
{
    /// <summary>The longest period or extension a custom regime may have: ten years of days.</summary>
    public const int MaxDays = 3660;

    private const string Section = DeadlineOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Regime))
        {
            failures.Add($"{Section}:Regime must be Gdpr, Ccpa or Custom.");
        }

        if (options.Regime == DeadlineRegimeKind.Custom)
        {
            if (options.CustomDays is < 1 or > MaxDays)
            {
                failures.Add($"{Section}:CustomDays must be between 1 and {MaxDays} when {Section}:Regime is Custom.");
            }

            if (options.CustomExtensionDays is < 0 or > MaxDays)
            {
                failures.Add($"{Section}:CustomExtensionDays must be between 0 (no extension) and {MaxDays}.");
            }
        }

        if (!Enum.IsDefined(options.WeekendRule))
        {
            failures.Add($"{Section}:WeekendRule must be None or MoveToMonday.");
        }

        if (!Enum.IsDefined(options.ExtensionCounting))
        {
            failures.Add($"{Section}:ExtensionCounting must be FromDueDate or FromReceipt.");
        }

        if (options.DueSoonDays is < 0 or > MaxDays)
        {
            failures.Add($"{Section}:DueSoonDays must be between 0 and {MaxDays}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Deadlines;

/// <summary>A length of time in whole calendar days or months, counted from a date (which is not itself counted).</summary>
public readonly record struct DeadlinePeriod
{
    [JsonConstructor]
    public DeadlinePeriod(int count, DeadlineUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "A deadline period counts days or months.");
        }

        Count = count;
        Unit = unit;
    }

    public int Count { get; }

    public DeadlineUnit Unit { get; }

    public static DeadlinePeriod Days(int count) => new(count, DeadlineUnit.Days);

    public static DeadlinePeriod Months(int count) => new(count, DeadlineUnit.Months);

    /// <summary>
    /// The last day of the period that runs from <paramref name="from"/>, as Regulation 1182/71 Art. 3 counts: the day
    /// <paramref name="from"/> is not counted; a period of days ends <see cref="Count"/> days later; a period of months
    /// ends on the same date of the last month, or on that month's last day when it has no such date (31 Jan + 1 month
    /// = 28 or 29 Feb).
    /// </summary>
    public DateOnly EndFrom(DateOnly from) => Unit == DeadlineUnit.Months ? from.AddMonths(Count) : from.AddDays(Count);

    public override string ToString() =>
        $"{Count} {(Unit == DeadlineUnit.Months ? "month" : "day")}{(Count == 1 ? string.Empty : "s")}";
}

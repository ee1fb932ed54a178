namespace ZohoDsr.Core.Deadlines;

/// <summary>
/// Counts due dates under one <see cref="DeadlineRegime"/>. Pure arithmetic on the times it is given (no clock), so an
/// orchestration may call it with its own deterministic time.
/// </summary>
public sealed class DeadlineCalculator
{
    public DeadlineCalculator(DeadlineRegime regime)
    {
        ArgumentNullException.ThrowIfNull(regime);
        Regime = regime;
    }

    public DeadlineRegime Regime { get; }

    /// <summary>
    /// The due date of a request the person made at <paramref name="receivedAt"/>: the regime's period counted from the
    /// calendar day of receipt in that time's offset (the day itself not counted), moved off a weekend if the regime's
    /// <see cref="WeekendRule"/> says so, and returned as the end of that day in the same offset.
    /// </summary>
    public DsrDeadline DueFor(DateTimeOffset receivedAt)
    {
        var dueBy = EndOfDay(Regime.Period.EndFrom(DayOf(receivedAt)), receivedAt.Offset);
        return new DsrDeadline
        {
            Regime = Regime.Kind,
            ReceivedAt = receivedAt,
            DueBy = dueBy,
            OriginalDueBy = dueBy,
        };
    }

    /// <summary>
    /// Extends <paramref name="deadline"/> once, by <paramref name="by"/> or, when null, by the most the regime allows.
    /// The extension must be decided by the original due date (the person must be told within the first period) and
    /// not exceed the regime's limit; a second extension is refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The regime allows no extension, the deadline is already extended, or its original due date has passed.</exception>
    /// <exception cref="ArgumentException">The deadline was counted under another regime, or <paramref name="by"/> is not a positive period within the limit.</exception>
    public DsrDeadline Extend(DsrDeadline deadline, DateTimeOffset extendedAt, DeadlinePeriod? by = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (deadline.Regime != Regime.Kind)
        {
            throw new ArgumentException($"The deadline was counted under {deadline.Regime}, not {Regime.Kind}.", nameof(deadline));
        }

        if (Regime.MaxExtension is not { } max)
        {
            throw new InvalidOperationException($"The {Regime.Kind} regime allows no extension.");
        }

        if (deadline.Extension is { } taken)
        {
            throw new InvalidOperationException($"The deadline was already extended by {taken}; a request may be extended once.");
        }

        var extension = by ?? max;
        if (extension.Unit != max.Unit || extension.Count < 1 || extension.Count > max.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(by), extension, $"An extension under {Regime.Kind} is 1 to {max.Count} {max.Unit.ToString().ToLowerInvariant()}.");
        }

        if (extendedAt > deadline.OriginalDueBy)
        {
            throw new InvalidOperationException(
                $"The original due date ({deadline.OriginalDueBy:O}) has passed: an extension must be decided and told to the person within the first period.");
        }

        var receivedOn = DayOf(deadline.ReceivedAt);
        var lastDay = Regime.ExtensionCounting == ExtensionCounting.FromReceipt
            ? new DeadlinePeriod(Regime.Period.Count + extension.Count, Regime.Period.Unit).EndFrom(receivedOn)
            : extension.EndFrom(Regime.Period.EndFrom(receivedOn));
        return deadline with
        {
            DueBy = EndOfDay(lastDay, deadline.ReceivedAt.Offset),
            Extension = extension,
            ExtendedAt = extendedAt,
        };
    }

    /// <summary>
    /// Calendar days from <paramref name="now"/> to <paramref name="dueBy"/>, counted in the due date's offset: 0 on the
    /// due day, 1 the day before; negative (at most -1) once <paramref name="dueBy"/> has passed.
    /// </summary>
    public static int DaysLeft(DateTimeOffset dueBy, DateTimeOffset now)
    {
        var days = DayOf(dueBy).DayNumber - DayOf(now.ToOffset(dueBy.Offset)).DayNumber;
        return now > dueBy ? Math.Min(days, -1) : days;
    }

    private static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.DateTime);

    private DateTimeOffset EndOfDay(DateOnly lastDay, TimeSpan offset)
    {
        var day = Regime.WeekendRule == WeekendRule.MoveToMonday
            ? lastDay.DayOfWeek switch
            {
                DayOfWeek.Saturday => lastDay.AddDays(2),
                DayOfWeek.Sunday => lastDay.AddDays(1),
                _ => lastDay,
            }
            : lastDay;
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), offset);
    }
}

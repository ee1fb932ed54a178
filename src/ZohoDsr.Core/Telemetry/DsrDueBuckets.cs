namespace ZohoDsr.Core.Telemetry;

/// <summary>The values of <see cref="DsrTelemetryAttributes.DueBucket"/>: how many days an open request has left.</summary>
public static class DsrDueBuckets
{
    /// <summary>The due date has passed.</summary>
    public const string Overdue = "overdue";

    /// <summary>Due today or within 7 days.</summary>
    public const string Days0To7 = "0-7";

    /// <summary>Due in 8 to 14 days.</summary>
    public const string Days8To14 = "8-14";

    /// <summary>Due in 15 days or more.</summary>
    public const string Days15Plus = "15+";

    /// <summary>Every bucket, nearest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Overdue, Days0To7, Days8To14, Days15Plus];

    /// <summary>The bucket of a request with <paramref name="daysLeft"/> days left (negative: overdue; see <c>DeadlineCalculator.DaysLeft</c>).</summary>
    public static string For(int daysLeft) => daysLeft switch
    {
        < 0 => Overdue,
        <= 7 => Days0To7,
        <= 14 => Days8To14,
        _ => Days15Plus,
    };
}

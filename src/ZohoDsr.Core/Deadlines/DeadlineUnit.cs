using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Deadlines;

/// <summary>What a <see cref="DeadlinePeriod"/> counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineUnit>))]
public enum DeadlineUnit
{
    /// <summary>Calendar days.</summary>
    [JsonStringEnumMemberName("days")]
    Days,

    /// <summary>Calendar months, ending on the same date (or the month's last day when it has no such date).</summary>
    [JsonStringEnumMemberName("months")]
    Months,
}

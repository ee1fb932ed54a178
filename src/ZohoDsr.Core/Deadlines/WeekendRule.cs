using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Deadlines;

/// <summary>What happens to a due date that falls on a Saturday or a Sunday (configuration <c>ZohoDsr:Deadlines:WeekendRule</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WeekendRule>))]
public enum WeekendRule
{
    /// <summary>The due date stays where it falls: the earlier, stricter date. The default.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>
    /// A due date on a Saturday or Sunday moves to the following Monday, as Regulation 1182/71 Art. 3(4) moves the end
    /// of a period to the next working day. Public holidays are not known here (they differ by country and state) and
    /// never move a due date.
    /// </summary>
    [JsonStringEnumMemberName("moveToMonday")]
    MoveToMonday,
}

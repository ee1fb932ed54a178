using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Deadlines;

/// <summary>
/// Where an extension is counted from (configuration <c>ZohoDsr:Deadlines:ExtensionCounting</c>). The two differ only
/// for periods in months that end on a shortened month end: received 31 Jan, due 28 Feb; two further months end on
/// 28 Apr counted from the due date, on 30 Apr counted as three months from receipt. For periods in days they agree.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExtensionCounting>))]
public enum ExtensionCounting
{
    /// <summary>
    /// The extension runs on from the original due date (before any weekend move): "extended by two further months"
    /// read literally. Never later than <see cref="FromReceipt"/>, so the stricter choice and the default.
    /// </summary>
    [JsonStringEnumMemberName("fromDueDate")]
    FromDueDate,

    /// <summary>The whole extended period is counted from receipt: one month plus two is three months from receipt.</summary>
    [JsonStringEnumMemberName("fromReceipt")]
    FromReceipt,
}

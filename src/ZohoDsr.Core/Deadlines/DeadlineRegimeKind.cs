using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Deadlines;

/// <summary>The rules a request's due date follows (configuration <c>ZohoDsr:Deadlines:Regime</c>, any case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineRegimeKind>))]
public enum DeadlineRegimeKind
{
    /// <summary>GDPR Art. 12(3): one month from receipt, extendable by two further months. See <see cref="DeadlineRegime.Gdpr"/>.</summary>
    [JsonStringEnumMemberName("gdpr")]
    Gdpr,

    /// <summary>CCPA (Cal. Civ. Code 1798.130(a)(2)): 45 days, extendable once by 45. See <see cref="DeadlineRegime.Ccpa"/>.</summary>
    [JsonStringEnumMemberName("ccpa")]
    Ccpa,

    /// <summary>A configured number of days and of extension days. See <see cref="DeadlineRegime.Custom"/>.</summary>
    [JsonStringEnumMemberName("custom")]
    Custom,
}

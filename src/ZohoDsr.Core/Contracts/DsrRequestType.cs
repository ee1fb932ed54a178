using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Contracts;

/// <summary>The kind of data subject request: access (GDPR Art. 15, CCPA right to know) or delete (Art. 17, right to delete).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DsrRequestType>))]
public enum DsrRequestType
{
    [JsonStringEnumMemberName("access")]
    Access,

    [JsonStringEnumMemberName("delete")]
    Delete,
}

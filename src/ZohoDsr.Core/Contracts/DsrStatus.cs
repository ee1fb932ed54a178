using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Contracts;

/// <summary>Where a request stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DsrStatus>))]
public enum DsrStatus
{
    Pending,
    Running,
    AwaitingApproval,
    Completed,
    Failed,
    Canceled,

    /// <summary>Held by an operator (Durable's suspend): nothing new starts until it is resumed.</summary>
    Suspended,
}

using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Local.Apis;

/// <summary>
/// Durable's instance status payload as its HTTP API answers <c>statusQueryGetUri</c> (the input is left out: it holds the
/// subject's email).
/// </summary>
public sealed record DurableInstanceStatus(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    DsrProgress? CustomStatus,
    DsrResult? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime);

using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Http;

/// <summary>What an engine knows of one instance: runtime status, input, custom status (progress), output.</summary>
public sealed record DsrInstanceState(
    string InstanceId,
    DsrRuntimeStatus RuntimeStatus,
    DsrOrchestrationInput? Input,
    DsrProgress? Progress,
    DsrResult? Output,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? FailureMessage);

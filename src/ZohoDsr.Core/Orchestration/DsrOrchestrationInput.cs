using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// The orchestration's input: the validated request with defaults applied. It holds the subject's email, so it lives only
/// in the orchestration history (never traced; purged after the retention period) and in activity inputs that need it.
/// </summary>
public sealed record DsrOrchestrationInput
{
    public required string RequestId { get; init; }
    public required string OrgId { get; init; }
    public required DsrRequestType Type { get; init; }
    public required string SubjectEmail { get; init; }

    /// <summary>The modules the request selected, or null for the org's defaults.</summary>
    public IReadOnlyList<string>? Modules { get; init; }

    public bool DryRun { get; init; }
    public bool RequireApproval { get; init; }
    public bool PurgeRecycleBin { get; init; }
    public Uri? CallbackUrl { get; init; }

    /// <summary>When the intake system's webhook was accepted.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Settings fixed at submission; null means those the org profile brings (<see cref="Activities.OrgProfile.Settings"/>).</summary>
    public OrchestrationSettings? Settings { get; init; }

    public override string ToString() => $"DsrOrchestrationInput {{ RequestId = {RequestId}, OrgId = {OrgId}, Type = {Type} }}";
}

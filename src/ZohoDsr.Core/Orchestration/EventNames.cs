namespace ZohoDsr.Core.Orchestration;

/// <summary>External events the orchestration waits for.</summary>
public static class EventNames
{
    /// <summary>The approval decision (<see cref="ApprovalDecision"/>) for a request with <c>requireApproval</c>.</summary>
    public const string Approval = nameof(Approval);
}

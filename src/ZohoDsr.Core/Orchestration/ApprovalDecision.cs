namespace ZohoDsr.Core.Orchestration;

/// <summary>The payload of the <see cref="EventNames.Approval"/> event.</summary>
/// <param name="Approved">True to approve the deletion, false to reject it.</param>
/// <param name="By">Who decided (free text from the approver's system; not personal data of the subject).</param>
public sealed record ApprovalDecision(bool Approved, string? By = null);

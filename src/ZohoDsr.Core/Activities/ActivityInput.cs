namespace ZohoDsr.Core.Activities;

/// <summary>
/// Every activity's input: the org and request it works for, and the orchestration's key of the call.
/// </summary>
public abstract record ActivityInput(string OrgId, string RequestId)
{
    /// <summary>
    /// The orchestration's key of this call, <c>{instanceId}:{sequence}</c> in the order the orchestration scheduled its
    /// calls: the same on every delivery and Durable retry of the call (they carry the same input), different for every
    /// other call. The audit lines the activity writes carry it (<see cref="Audit.AuditEntry.CallId"/>); null outside an
    /// orchestration (a direct call).
    /// </summary>
    public string? CallId { get; init; }
}

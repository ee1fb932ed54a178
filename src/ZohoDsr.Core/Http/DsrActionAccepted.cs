namespace ZohoDsr.Core.Http;

/// <summary>The 202 answer to approve, reject and cancel: which request, which instance, what was asked.</summary>
/// <param name="Action"><c>approve</c>, <c>reject</c> or <c>cancel</c>.</param>
public sealed record DsrActionAccepted(string RequestId, string OrgId, string InstanceId, string Action, string StatusUri);

namespace ZohoDsr.Local.Hosting;

/// <summary>A request this host started: enough to report it on shutdown (no personal data).</summary>
public sealed record TrackedRequest(string InstanceId, string RequestId, string OrgId);

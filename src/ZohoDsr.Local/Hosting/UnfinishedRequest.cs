using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Local.Hosting;

/// <summary>A request whose instance had not finished when the host stopped: it resumes on the next start.</summary>
public sealed record UnfinishedRequest(string InstanceId, string? RequestId, string? OrgId, DsrStatus Status);

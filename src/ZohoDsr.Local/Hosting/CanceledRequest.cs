namespace ZohoDsr.Local.Hosting;

/// <summary>A request that was still running when the host stopped, and the status the engine left it in.</summary>
public sealed record CanceledRequest(string RequestId, string OrgId, string Status);

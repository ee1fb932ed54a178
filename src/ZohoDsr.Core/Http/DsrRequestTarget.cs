namespace ZohoDsr.Core.Http;

/// <summary>The request a route names, resolved: its request id, the org id as configured, its instance and the instance's state.</summary>
internal sealed record DsrRequestTarget(string RequestId, string OrgId, string InstanceId, DsrInstanceState State);

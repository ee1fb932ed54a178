namespace ZohoDsr.Core.Activities;

public sealed record ResolveOrgInput(string OrgId, string RequestId, IReadOnlyList<string>? RequestedModules);

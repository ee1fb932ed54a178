namespace ZohoDsr.Core.Activities;

/// <summary>Resolve the org for one request: its privacy setting, API version, budgets and the modules to work on.</summary>
public sealed record ResolveOrgInput(string OrgId, string RequestId, IReadOnlyList<string>? RequestedModules) : ActivityInput(OrgId, RequestId);

using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Activities;

/// <summary>Resolves the org: GDPR setting, API version, budgets, modules.</summary>
public sealed class ResolveOrgActivity(ResolveOrgHandler handler)
{
    [Function(ActivityNames.ResolveOrg)]
    public Task<OrgProfile> RunAsync([ActivityTrigger] ResolveOrgInput input, CancellationToken cancellationToken)
        => handler.HandleAsync(input, cancellationToken);
}

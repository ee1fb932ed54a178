using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary>
/// Turns a route's <c>requestId</c> and <c>orgId</c> into the request they name. The org id is matched without regard to
/// case and replaced by its configured spelling before anything is derived from it (instance id, export path, audit,
/// gate key), so <c>demo</c>, <c>DEMO</c> and <c>Demo</c> name one request.
/// </summary>
internal sealed class DsrRouteResolver(IDsrInstanceClient instances, IOptions<ZohoCrmClientOptions> zohoOptions)
{
    /// <summary>The configured spelling of <paramref name="orgId"/>, or null when no configured org matches it.</summary>
    public string? CanonicalOrg(string? orgId)
        => string.IsNullOrEmpty(orgId) ? null : zohoOptions.Value.Orgs.Keys.FirstOrDefault(k => string.Equals(k, orgId, StringComparison.OrdinalIgnoreCase));

    /// <summary>400 naming a bad <c>requestId</c> or <c>orgId</c>, 404 naming <c>requestId</c> when there is no such request, else the target.</summary>
    public async Task<(DsrHttpResponse? Problem, DsrRequestTarget? Target)> FindAsync(string requestId, string? orgId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (DsrRequestId.Problem(requestId) is { } requestIdProblem)
        {
            errors["requestId"] = [requestIdProblem];
        }

        string? org = OrgProblem(orgId, errors);
        if (errors.Count > 0)
        {
            return (DsrProblems.Invalid(errors), null);
        }

        string instanceId = DsrInstanceId.For(org!, requestId);
        DsrInstanceState? state = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state is null
            ? (DsrProblems.Field(404, "requestId", $"No request '{requestId}' in org '{org}'."), null)
            : (null, new DsrRequestTarget(requestId, org!, instanceId, state));
    }

    /// <summary>The configured org id, or null after adding the <c>orgId</c> problem to <paramref name="errors"/>.</summary>
    public string? OrgProblem(string? orgId, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(orgId))
        {
            errors["orgId"] = ["The orgId query parameter is required."];
            return null;
        }

        string? org = CanonicalOrg(orgId);
        if (org is null)
        {
            errors["orgId"] = ["orgId is not a configured Zoho CRM org."];
        }

        return org;
    }
}

using System.Collections.Concurrent;
using ZohoCrm.Simulator.Auth;

namespace ZohoCrm.Simulator;

/// <summary>The orgs and the accounts server shared by every data centre of one simulator.</summary>
internal sealed class SimRegistry
{
    private readonly ConcurrentDictionary<string, SimOrg> _orgs = new(StringComparer.Ordinal);

    public SimRegistry(SimulatorOptions options)
    {
        Options = options;
        Tokens = new TokenService(options.TimeProvider, options);
    }

    public SimulatorOptions Options { get; }

    public TokenService Tokens { get; }

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Cancelled when the host stops, releasing calls held by faults.</summary>
    public CancellationToken Stopping { get; set; }

    /// <summary>The listener's base address, known once the host has started.</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public Uri AccountsUrl(string dataCenter) => new(BaseUri, "accounts/" + dataCenter.ToLowerInvariant());

    public Uri ApiDomain(string dataCenter) => new(BaseUri, "api/" + dataCenter.ToLowerInvariant());

    public IEnumerable<SimOrg> Orgs => _orgs.Values.OrderBy(o => o.OrgId, StringComparer.Ordinal);

    public SimOrg Add(SimOrgSpec spec)
    {
        lock (_orgs)
        {
            if (_orgs.ContainsKey(spec.OrgId))
            {
                throw new ArgumentException($"Org '{spec.OrgId}' already exists.", nameof(spec));
            }

            var org = new SimOrg(spec, Options, Tokens);
            _orgs[spec.OrgId] = org;
            return org;
        }
    }

    public SimOrg? Find(string orgId) => _orgs.GetValueOrDefault(orgId);
}

using ZohoCrm.Client;
using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Scenarios.Soak;

/// <summary>The faults the soak injects into each org, and the operator re-authorising an org whose tokens were revoked.</summary>
public static class SoakFaults
{
    public const string Description =
        "Faults, per org: 1.5% each of 429, 500 INTERNAL_ERROR, 503 and dropped connections over every call, 0.2% hangs (the client gives up after its attempt timeout); "
        + "on DELETE calls, 4% applied with the connection then dropped, 3% applied with a 504 from a gateway, 1% applied and then hung (the answer lost each time); "
        + "a 429 storm (25 calls in a row) in every fifth org; every refresh token revoked once in two orgs, re-issued and stored in the host once the product has tried the revoked one; "
        + "every tenth delete's case locked (RECORD_LOCKED).";

    /// <summary>The row of <see cref="Fired"/> for faults drawn from the rates, which the simulator counts together.</summary>
    private const string RatesFired = "rates (429, 500, 503, drop, hang)";

    /// <summary>Arms the org's faults; <paramref name="index"/> picks the orgs with a storm or a revocation.</summary>
    public static void Arm(SoakOrg org, int index)
    {
        ArgumentNullException.ThrowIfNull(org);
        SimFaults faults = org.Bench.Org.Faults;
        faults.Rate429 = 0.015;
        faults.Rate500 = 0.015;
        faults.Rate503 = 0.015;
        faults.RateDropConnection = 0.015;
        faults.RateTimeout = 0.002;
        faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerDropConnection, Method = "DELETE", Probability = 0.04 });
        faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerGatewayTimeout, Method = "DELETE", Probability = 0.03 });
        faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerTimeout, Method = "DELETE", Probability = 0.01 });
        if (index % 5 == 0)
        {
            faults.AddRule(new SimFaultRule { Kind = FaultKind.TooManyRequests, SkipFirst = 60 + index, MaxTimes = 25 });
        }

        if (index is 3 or 13)
        {
            org.Revocation = faults.AddRule(new SimFaultRule { Kind = FaultKind.RevokeRefreshTokens, SkipFirst = 80, MaxTimes = 1 });
        }
    }

    /// <summary>
    /// Watches the orgs with a revocation: once it fired and the product has since asked for a token (and been refused),
    /// issues a new refresh token and stores it in the host, as an operator re-running <c>auth</c> would.
    /// </summary>
    public static async Task ReissueRevokedTokensAsync(IReadOnlyList<SoakOrg> orgs, IZohoTokenStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orgs);
        ArgumentNullException.ThrowIfNull(store);
        var tokenRequestsAtRevocation = new Dictionary<SoakOrg, long>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (SoakOrg org in orgs.Where(o => o.Revocation is { Fired: > 0 } && !o.Reissued))
                {
                    long tokenRequests = org.Bench.Org.Counters.TokenRequests;
                    if (!tokenRequestsAtRevocation.TryGetValue(org, out long atRevocation))
                    {
                        tokenRequestsAtRevocation[org] = tokenRequests;
                    }
                    else if (tokenRequests > atRevocation)
                    {
                        await store.SetRefreshTokenAsync(org.Bench.OrgId, org.Bench.Org.ReissueRefreshToken(), cancellationToken).ConfigureAwait(false);
                        org.Reissued = true;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    /// <summary>How many times each fault fired over the run, summed over the orgs (rates are counted together by the simulator).</summary>
    public static IReadOnlyDictionary<string, long> Fired(IReadOnlyList<SoakOrg> orgs)
    {
        ArgumentNullException.ThrowIfNull(orgs);
        var fired = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (SoakOrg org in orgs)
        {
            long byRules = 0;
            foreach (SimFaultRule rule in org.Bench.Org.Faults.Rules)
            {
                string name = rule.Method is null ? rule.Kind.ToString() : $"{rule.Kind} ({rule.Method})";
                fired[name] = fired.GetValueOrDefault(name) + rule.Fired;
                byRules += rule.Fired;
            }

            fired[RatesFired] = fired.GetValueOrDefault(RatesFired) + org.Bench.Org.Counters.FaultsInjected - byRules;
        }

        return fired;
    }
}

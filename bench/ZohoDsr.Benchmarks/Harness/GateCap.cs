using ZohoCrm.Client;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>The rate gate's cap on an org's calls in flight, computed as the product computes it (<see cref="ZohoUsage.ConcurrencyBudget"/>).</summary>
public static class GateCap
{
    public static int For(string edition)
    {
        ZohoEditionLimits limits = ZohoEditionLimits.For(Enum.Parse<ZohoEdition>(edition), userLicenses: 10);
        return new ZohoUsage(0, 0, 0, 0, 0, limits, new ZohoCrmClientOptions().BudgetFraction).ConcurrencyBudget;
    }

    /// <summary>The edition's own concurrency limit (calls in flight per org).</summary>
    public static int EditionLimit(string edition) => ZohoEditionLimits.For(Enum.Parse<ZohoEdition>(edition), userLicenses: 10).Concurrency;

    /// <summary>The day's credits the gate lets an org spend: the edition's daily credits times the budget fraction.</summary>
    public static long DailyCreditBudget(string edition)
    {
        ZohoEditionLimits limits = ZohoEditionLimits.For(Enum.Parse<ZohoEdition>(edition), userLicenses: 10);
        return new ZohoUsage(0, 0, 0, 0, 0, limits, new ZohoCrmClientOptions().BudgetFraction).CreditBudget;
    }
}

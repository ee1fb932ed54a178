namespace ZohoCrm.Client;

/// <summary>A snapshot of one org's client-side budget: calls and credits this client spent, calls in flight.</summary>
/// <param name="Calls">API calls sent to Zoho (token calls excluded; a call resent after a refused token counts twice).</param>
/// <param name="CreditsUsed">API credits those calls cost, by Zoho's credit table.</param>
/// <param name="InFlight">Calls in flight now.</param>
/// <param name="PeakInFlight">The most calls in flight at once.</param>
/// <param name="Throttled">Throttled answers received (429, or <c>TOO_MANY_REQUESTS</c> under any status).</param>
/// <param name="Limits">The edition's limits.</param>
/// <param name="BudgetFraction">The fraction of the limits callers should stay under.</param>
public sealed record ZohoUsage(long Calls, long CreditsUsed, int InFlight, int PeakInFlight, long Throttled, ZohoEditionLimits Limits, double BudgetFraction)
{
    /// <summary>Calls in flight allowed under the budget fraction (at least 1).</summary>
    public int ConcurrencyBudget => Math.Max(1, (int)Math.Floor(Limits.Concurrency * BudgetFraction));

    /// <summary>
    /// Calls of the "complex" group (COQL and the like) in flight allowed under the budget fraction (at least 1): the
    /// edition's sub-concurrency scaled like <see cref="ConcurrencyBudget"/>.
    /// </summary>
    public int SubConcurrencyBudget => Math.Max(1, (int)Math.Floor(Limits.SubConcurrency * BudgetFraction));

    /// <summary>Daily credits allowed under the budget fraction.</summary>
    public long CreditBudget => (long)Math.Floor(Limits.DailyCredits * BudgetFraction);
}

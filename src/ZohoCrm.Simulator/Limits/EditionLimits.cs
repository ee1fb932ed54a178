namespace ZohoCrm.Simulator.Limits;

/// <summary>Credit budgets and concurrency limits by edition (reference section 9).</summary>
internal static class EditionLimits
{
    public const int SubConcurrency = 10;

    public static long DailyCredits(ZohoEdition edition, int userLicenses) => edition switch
    {
        ZohoEdition.Free => 5_000,
        ZohoEdition.Standard => Math.Min(50_000L + (250L * userLicenses), 100_000),
        ZohoEdition.Professional => Math.Min(50_000L + (500L * userLicenses), 3_000_000),
        ZohoEdition.Enterprise => Math.Min(50_000L + (1_000L * userLicenses), 5_000_000),
        ZohoEdition.Ultimate => 50_000L + (2_000L * userLicenses),
        _ => 5_000,
    };

    public static int Concurrency(ZohoEdition edition) => edition switch
    {
        ZohoEdition.Free => 5,
        ZohoEdition.Standard => 10,
        ZohoEdition.Professional => 15,
        ZohoEdition.Enterprise => 20,
        ZohoEdition.Ultimate => 25,
        _ => 5,
    };

    public static string PaidType(ZohoEdition edition) => edition.ToString().ToLowerInvariant();
}

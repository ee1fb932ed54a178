namespace ZohoCrm.Client;

/// <summary>The API limits Zoho sets per edition (reference: API limits page; credits per rolling 24 hours).</summary>
/// <param name="Concurrency">Calls in flight per org per app.</param>
/// <param name="SubConcurrency">Calls in flight of the "complex" group (COQL, cvid/sort_by lists, ...).</param>
/// <param name="DailyCredits">API credits per rolling 24 hours.</param>
public sealed record ZohoEditionLimits(int Concurrency, int SubConcurrency, long DailyCredits)
{
    /// <summary>The limits of an edition with the given number of user licences (add-ons not counted).</summary>
    public static ZohoEditionLimits For(ZohoEdition edition, int userLicenses) => edition switch
    {
        ZohoEdition.Free => new(5, 10, 5_000),
        ZohoEdition.Standard => new(10, 10, Math.Min(50_000 + (250L * userLicenses), 100_000)),
        ZohoEdition.Professional => new(15, 10, Math.Min(50_000 + (500L * userLicenses), 3_000_000)),
        ZohoEdition.Enterprise => new(20, 10, Math.Min(50_000 + (1_000L * userLicenses), 5_000_000)),
        ZohoEdition.Ultimate => new(25, 10, 50_000 + (2_000L * userLicenses)),
        _ => throw new ArgumentOutOfRangeException(nameof(edition), edition, "Unknown Zoho CRM edition."),
    };
}

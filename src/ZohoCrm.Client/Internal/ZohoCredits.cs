namespace ZohoCrm.Client;

/// <summary>API credits per call, by Zoho's credit table (reference section 9).</summary>
internal static class ZohoCredits
{
    /// <summary>Get/list records, related records, search (assumed), delete, metadata: 1.</summary>
    public const int Default = 1;

    /// <summary>Deleted-record ids: 2.</summary>
    public const int DeletedRecords = 2;

    /// <summary>COQL: 1 for LIMIT up to 200, 2 up to 1,000, 3 up to 2,000.</summary>
    public static int Coql(int limit) => limit switch
    {
        <= 200 => 1,
        <= 1_000 => 2,
        _ => 3,
    };
}

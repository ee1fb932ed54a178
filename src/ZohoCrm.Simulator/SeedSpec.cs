namespace ZohoCrm.Simulator;

/// <summary>What <see cref="SimOrg.Seed"/> generates.</summary>
public sealed record SeedSpec
{
    public int Contacts { get; init; } = 1000;

    public int Leads { get; init; } = 500;

    public int Cases { get; init; } = 300;

    /// <summary>Average number of calls, tasks, events, quotes, invoices, sales and purchase orders per contact.</summary>
    public int RelatedPerContact { get; init; } = 2;

    /// <summary>Accounts the contacts belong to (0: one per 20 contacts).</summary>
    public int Accounts { get; init; }

    public int RandomSeed { get; init; } = 42;

    public bool PlantSubjects { get; init; } = true;

    /// <summary>Also plant the "over-2000" subject (2,100 cases), which pushes Search past its 2,000-result cap.</summary>
    public bool PlantOver2000Subject { get; init; }
}

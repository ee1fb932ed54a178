namespace ZohoCrm.Simulator;

/// <summary>Describes an org to add to the simulator.</summary>
public sealed record SimOrgSpec
{
    public required string OrgId { get; init; }

    public string DataCenter { get; init; } = "US";

    public ZohoEdition Edition { get; init; } = ZohoEdition.Enterprise;

    public int UserLicenses { get; init; } = 10;

    public bool PrivacySettings { get; init; } = true;

    /// <summary>"Contacts.Email" style names of private, restricted fields.</summary>
    public IReadOnlyList<string> RestrictedFields { get; init; } = [];

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>Overrides the edition's rolling 24 h credit budget (null: the documented formula).</summary>
    public long? DailyCreditLimit { get; init; }

    /// <summary>Overrides the edition's concurrency limit (null: the documented figure).</summary>
    public int? ConcurrencyLimit { get; init; }
}

namespace ZohoCrm.Simulator;

/// <summary>A data subject planted by the seeder, with the records a DSR must find for it.</summary>
public sealed record PlantedSubject
{
    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>
    /// Module to ids of every live record of the subject: parents (Contacts, Leads, Cases) whose email fields equal the
    /// email trimmed and case-insensitively; children linked to a matched contact by Who_Id or Contact_Name.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedRecordIds { get; init; }

    /// <summary>Near-miss emails planted in the data that must not match.</summary>
    public IReadOnlyList<string> LookAlikeEmails { get; init; } = [];

    public int TotalExpected => ExpectedRecordIds.Values.Sum(v => v.Count);
}

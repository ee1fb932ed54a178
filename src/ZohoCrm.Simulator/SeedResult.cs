namespace ZohoCrm.Simulator;

/// <summary>What a seeding run produced.</summary>
public sealed record SeedResult
{
    public required IReadOnlyList<PlantedSubject> Subjects { get; init; }

    public required IReadOnlyDictionary<string, int> RecordsByModule { get; init; }

    public PlantedSubject Subject(string name) => Subjects.Single(s => s.Name == name);
}

using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>Plants subjects of a given <see cref="SubjectShape"/> into a simulator org with its in-process insert.</summary>
public static class SubjectPlanter
{
    public static PlantedSubjectRecords Plant(SimOrg org, string email, SubjectShape shape)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(shape);
        var ids = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string module, string id)
        {
            if (!ids.TryGetValue(module, out var list))
            {
                list = [];
                ids[module] = list;
            }

            list.Add(id);
        }

        for (int i = 0; i < shape.Contacts; i++)
        {
            Add("Contacts", org.InsertRecord("Contacts", new Dictionary<string, object?>
            {
                ["First_Name"] = "Bench",
                ["Last_Name"] = $"Subject {i + 1}",
                ["Email"] = email,
            }));
        }

        for (int i = 0; i < shape.Leads; i++)
        {
            Add("Leads", org.InsertRecord("Leads", new Dictionary<string, object?>
            {
                ["Last_Name"] = $"Subject lead {i + 1}",
                ["Company"] = "Bench Ltd",
                ["Email"] = email,
            }));
        }

        List<string> contacts = ids.GetValueOrDefault("Contacts") ?? [];
        for (int i = 0; i < shape.Cases; i++)
        {
            var fields = new Dictionary<string, object?> { ["Subject"] = $"Case {i + 1}", ["Email"] = email };
            if (contacts.Count > 0)
            {
                fields["Related_To"] = contacts[0];
            }

            Add("Cases", org.InsertRecord("Cases", fields));
        }

        if (shape.ChildrenPerModule > 0 && contacts.Count == 0)
        {
            throw new ArgumentException("Child records need at least one contact.", nameof(shape));
        }

        foreach ((string module, string lookup) in SubjectShape.ChildModules)
        {
            for (int i = 0; i < shape.ChildrenPerModule; i++)
            {
                string title = module == "Events" ? "Event_Title" : "Subject";
                Add(module, org.InsertRecord(module, new Dictionary<string, object?>
                {
                    [title] = $"{module} {i + 1}",
                    [lookup] = contacts[i % contacts.Count],
                }));
            }
        }

        return new PlantedSubjectRecords(email, shape, ids.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }
}

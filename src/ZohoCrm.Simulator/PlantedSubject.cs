namespace ZohoCrm.Simulator;

/// <summary>A data subject planted by the seeder, with the records a DSR must find for it.</summary>
public sealed record PlantedSubject
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

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

    /// <summary>Live deals whose <c>Contact_Name</c> is a matched contact (not in <see cref="ExpectedRecordIds"/>).</summary>
    public IReadOnlyList<string> ExpectedDealIds { get; init; } = [];

    /// <summary>
    /// Module (Calls, Tasks, Events) to ids of live activities whose <c>What_Id</c> is a matched lead
    /// (<c>$se_module = Leads</c>); they have no <c>Who_Id</c>, so they are not in <see cref="ExpectedRecordIds"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedLeadActivityIds { get; init; } = None;

    /// <summary>Live notes whose <c>Parent_Id</c> is any record above (expected records, deals, lead activities).</summary>
    public IReadOnlyList<PlantedNote> ExpectedNotes { get; init; } = [];

    /// <summary>Live attachments whose <c>Parent_Id</c> is any record above or one of <see cref="ExpectedNotes"/>.</summary>
    public IReadOnlyList<PlantedAttachment> ExpectedAttachments { get; init; } = [];

    /// <summary>Other people's live records holding the email in free text (whole address, any letter case).</summary>
    public IReadOnlyList<PlantedMention> Mentions { get; init; } = [];

    /// <summary>
    /// Module to ids of everything the subject owns: <see cref="ExpectedRecordIds"/>, deals, lead activities, notes
    /// (<c>Notes</c>) and attachments (<c>Attachments</c>), without duplicates. Mentions are not included.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllExpectedRecordIds
    {
        get
        {
            var all = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            void AddIds(string module, IEnumerable<string> ids)
            {
                if (!all.TryGetValue(module, out var set))
                {
                    set = new SortedSet<string>(StringComparer.Ordinal);
                    all[module] = set;
                }

                set.UnionWith(ids);
            }

            foreach (var (module, ids) in ExpectedRecordIds)
            {
                AddIds(module, ids);
            }

            foreach (var (module, ids) in ExpectedLeadActivityIds)
            {
                AddIds(module, ids);
            }

            AddIds("Deals", ExpectedDealIds);
            AddIds("Notes", ExpectedNotes.Select(n => n.Id));
            AddIds("Attachments", ExpectedAttachments.Select(a => a.Id));
            return all.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal);
        }
    }
}

using System.Globalization;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Seeding;

/// <summary>
/// Works out, from the org's data rather than from what the seeder meant to plant, everything a planted subject owns
/// and every record that only mentions it.
/// </summary>
internal static class SubjectTruth
{
    private static readonly string[] ActivityModules = [Schemas.Calls, Schemas.Tasks, Schemas.Events];

    public static PlantedSubject Build(
        SimOrg org, string name, string email, IReadOnlyList<string> lookAlikes, List<(SimRecord Record, FieldDef Field, string Text)> freeText)
    {
        var expected = Seeder.ExpectedFor(org, email);
        var owned = new Dictionary<long, string>();
        foreach (var (module, ids) in expected)
        {
            foreach (var id in ids)
            {
                owned[Parse(id)] = module;
            }
        }

        var deals = new List<SimRecord>();
        var dealStore = org.Store(Schemas.Deals);
        foreach (var contact in Ids(expected, Schemas.Contacts))
        {
            deals.AddRange(dealStore.ByLookup(dealStore.Schema.Field("Contact_Name"), contact).Where(r => r.IsLive));
        }

        var leadActivities = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var module in ActivityModules)
        {
            var store = org.Store(module);
            var whatId = store.Schema.Field("What_Id");
            var found = Ids(expected, Schemas.Leads)
                .SelectMany(lead => store.ByLookup(whatId, lead))
                .Where(r => r.IsLive && string.Equals(r.Get("$se_module") as string, Schemas.Leads, StringComparison.Ordinal))
                .DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList();
            if (found.Count > 0)
            {
                leadActivities[module] = Text(found);
                found.ForEach(r => owned.TryAdd(r.Id, module));
            }
        }

        var dealIds = deals.DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList();
        dealIds.ForEach(r => owned.TryAdd(r.Id, Schemas.Deals));
        var notes = owned.Keys.Order().SelectMany(id => org.Children(Schemas.Notes, id)).DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList();
        var attachmentParents = owned.Keys.Concat(notes.Select(n => n.Id)).Order();
        var attachments = attachmentParents.SelectMany(id => org.Children(Schemas.Attachments, id)).DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList();
        var mine = owned.Keys.Concat(notes.Select(n => n.Id)).Concat(attachments.Select(a => a.Id)).ToHashSet();
        var mentions = freeText
            .Where(t => !mine.Contains(t.Record.Id) && MentionScan.Mentions(t.Text, email))
            .Select(t => new PlantedMention(t.Record.Schema.ApiName, Text(t.Record.Id), t.Field.ApiName))
            .ToList();
        return new PlantedSubject
        {
            Name = name,
            Email = email,
            ExpectedRecordIds = expected,
            LookAlikeEmails = lookAlikes,
            ExpectedDealIds = Text(dealIds),
            ExpectedLeadActivityIds = leadActivities,
            ExpectedNotes = [.. notes.Select(n => new PlantedNote(Text(n.Id), ParentModule(n), ParentId(n)))],
            ExpectedAttachments = [.. attachments.Select(a => new PlantedAttachment(Text(a.Id), ParentModule(a), ParentId(a), a.Get("$link_url") is string))],
            Mentions = mentions,
        };
    }

    private static IEnumerable<long> Ids(IReadOnlyDictionary<string, IReadOnlyList<string>> expected, string module) =>
        expected.TryGetValue(module, out var ids) ? ids.Select(Parse) : [];

    private static long Parse(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<string> Text(IEnumerable<SimRecord> records) => [.. records.Select(r => Text(r.Id))];

    private static string ParentModule(SimRecord child) => child.Get("$se_module") as string ?? string.Empty;

    private static string ParentId(SimRecord child) => child.Get("Parent_Id") is LookupRef parent ? Text(parent.Id) : string.Empty;
}

using System.Globalization;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Seeding;

/// <summary>
/// Plants what hangs off people after the main seeding: notes and attachments (reference section 13), deals of
/// contacts, activities linked to leads (<c>What_Id</c> with <c>$se_module = Leads</c>), and records that only mention
/// a planted subject's email in free text. Draws from its own RNG, so the main seeding's records and ids stay as they
/// were; its records take the next ids.
/// </summary>
internal sealed class RelatedSeeder
{
    private readonly SimOrg _org;
    private readonly Dictionary<string, List<SimRecord>> _pending;
    private readonly long _nowUnix;
    private readonly Random _rng;

    public RelatedSeeder(SimOrg org, Dictionary<string, List<SimRecord>> pending, long nowUnix, int seed)
    {
        _org = org;
        _pending = pending;
        _nowUnix = nowUnix;
        _rng = new Random(unchecked((seed * 31) + 17));
    }

    /// <summary>Notes, attachments, deals and lead-linked activities for a few of the other people.</summary>
    public void PlantForOthers(IReadOnlyList<SimRecord> contacts, IReadOnlyList<SimRecord> leads, IReadOnlyList<SimRecord> cases)
    {
        foreach (var contact in contacts)
        {
            var r = _rng.Next(200);
            if (r < 4)
            {
                var note = Note(contact, Pick(NamePools.NoteTitles), Pick(NamePools.NoteContents));
                if (r == 0)
                {
                    FileAttachment(note, Pick(NamePools.FileNames));
                }
            }
            else if (r < 6)
            {
                if (r == 5 && _rng.Next(2) == 0)
                {
                    LinkAttachment(contact, Pick(NamePools.LinkNames));
                }
                else
                {
                    FileAttachment(contact, Pick(NamePools.FileNames));
                }
            }
            else if (r < 16)
            {
                Deal(contact);
            }
        }

        foreach (var lead in leads)
        {
            var r = _rng.Next(100);
            if (r < 3)
            {
                var pick = _rng.Next(20);
                LeadActivity(pick < 12 ? Schemas.Tasks : pick < 17 ? Schemas.Calls : Schemas.Events, lead);
            }
            else if (r == 3)
            {
                Note(lead, Pick(NamePools.NoteTitles), Pick(NamePools.NoteContents));
            }
        }

        foreach (var @case in cases)
        {
            if (_rng.Next(100) == 0)
            {
                Note(@case, "Case update", Pick(NamePools.NoteContents));
            }
        }
    }

    /// <summary>
    /// What each planted subject owns beyond its parents and contact children, and the records that only mention it.
    /// <paramref name="people"/> maps a subject name to its contact, lead and case (any may be absent).
    /// </summary>
    public void PlantForSubjects(IReadOnlyDictionary<string, PlantedPeople> people)
    {
        var bystander = Person(Schemas.Contacts, "Rafa", "Bystander", "rafa.bystander@example.net", null);
        if (people.TryGetValue("exact", out var exact) && exact.Contact is { } maria)
        {
            Note(maria, "Call summary", "Maria confirmed the delivery address.");
            Deal(maria);
            Note(bystander, "Renewal", $"Asked us to copy {exact.Email} on the renewal.");
        }

        if (people.TryGetValue("case", out var olga) && olga.Lead is { } olgaLead)
        {
            var note = Note(olgaLead, "Meeting notes", "Wants a quote for twelve licences.");
            FileAttachment(note, "requirements.docx");
            LeadActivity(Schemas.Calls, olgaLead);
        }

        if (people.TryGetValue("secondary", out var sam))
        {
            if (sam.Contact is { } samContact)
            {
                FileAttachment(samContact, "signed-order.pdf");
            }

            if (sam.Lead is { } samLead)
            {
                LinkAttachment(samLead, "Shared folder");
            }
        }

        if (people.TryGetValue("multi-module", out var nina))
        {
            PlantMultiModule(nina, bystander);
        }

        if (people.TryGetValue("lookalikes", out var lee) && lee.Decoy is { } decoy)
        {
            // Near misses: free text holding look-alike addresses only, and a note on a decoy's record.
            Note(decoy, "Follow-up", "Decoy record with its own notes.");
            Note(bystander, "Forwarded", "Wrote to xlee.look@example.com and lee.look@example.com.evil about the fair.");
            var lead = Person(Schemas.Leads, "Tess", "Fairgoer", "tess.fairgoer@example.org", null);
            Set(lead, "Description", $"Met Lee ({lee.Email}) at the trade fair.");
        }
    }

    private void PlantMultiModule(PlantedPeople nina, SimRecord bystander)
    {
        if (nina.Contact is { } contact)
        {
            var note = Note(contact, "Meeting notes", "Nina wants the annual plan.");
            FileAttachment(note, "meeting-notes.txt");
            FileAttachment(contact, "contract.pdf");
            LinkAttachment(contact, "Project board");
            var deal = Deal(contact);
            Note(deal, "Negotiation", "Discount approved up to ten percent.");
            Deal(contact);
        }

        if (nina.Lead is { } lead)
        {
            Note(lead, "Follow-up", "Came in through the webinar.");
            FileAttachment(lead, "proposal.pdf");
            var leadTask = LeadActivity(Schemas.Tasks, lead);
            FileAttachment(leadTask, "invoice-scan.png");
            LeadActivity(Schemas.Events, lead);
        }

        if (nina.Case is { } @case)
        {
            Note(@case, "Case update", "Replacement shipped.");
        }

        // Mentions: other people's records that hold the email only in free text.
        var referral = Person(Schemas.Contacts, "Quinn", "Referral", "quinn.referral@example.net", null);
        Set(referral, "Description", $"Referred by Nina Multi ({nina.Email}).");
        Note(bystander, "Call summary", $"Spoke with {nina.Email} about the renewal.");
        var mentionCase = Case(bystander, "Forwarded complaint");
        Set(mentionCase, "Description", $"Customer forwarded a mail from {nina.Email.ToUpperInvariant()}.");
        var task = ContactTask(bystander);
        Set(task, "Description", $"Send the brochure to {nina.Email}.");
    }

    private SimRecord Note(SimRecord parent, string title, string content)
    {
        var (schema, v) = New(Schemas.Notes);
        Set(schema, v, "Note_Title", title);
        Set(schema, v, "Note_Content", content);
        Set(schema, v, "Parent_Id", parent.Self);
        Set(schema, v, "$se_module", parent.Schema.ApiName);
        return Add(schema, v, After(parent));
    }

    private SimRecord FileAttachment(SimRecord parent, string fileName)
    {
        var (schema, v) = New(Schemas.Attachments);
        Set(schema, v, "File_Name", fileName);
        Set(schema, v, "Size", (512 + _rng.Next(64 * 1024)).ToString(CultureInfo.InvariantCulture));
        Set(schema, v, "Parent_Id", parent.Self);
        Set(schema, v, "$type", AttachmentTypes.File);
        Set(schema, v, "$se_module", parent.Schema.ApiName);
        var record = Add(schema, v, After(parent));
        Set(schema, v, "$file_id", SyntheticFile.FileId(record.Id));
        return record;
    }

    private SimRecord LinkAttachment(SimRecord parent, string name)
    {
        var (schema, v) = New(Schemas.Attachments);
        Set(schema, v, "File_Name", name);
        Set(schema, v, "Size", "0");
        Set(schema, v, "Parent_Id", parent.Self);
        Set(schema, v, "$type", AttachmentTypes.Link);
        Set(schema, v, "$se_module", parent.Schema.ApiName);
        Set(schema, v, "$link_url", "https://files.example.com/share/" + _rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture));
        return Add(schema, v, After(parent));
    }

    private SimRecord Deal(SimRecord contact)
    {
        var (schema, v) = New(Schemas.Deals);
        var created = After(contact);
        Set(schema, v, "Deal_Name", Pick(NamePools.Companies) + " " + Pick(NamePools.Products).ToLowerInvariant());
        Set(schema, v, "Stage", Pick(NamePools.DealStages));
        Set(schema, v, "Amount", Math.Round(_rng.NextDouble() * 50_000, 2));
        Set(schema, v, "Closing_Date", Date(created + (86_400L * _rng.Next(10, 120))));
        Set(schema, v, "Contact_Name", contact.Self);
        Set(schema, v, "Account_Name", contact.Get("Account_Name"));
        return Add(schema, v, created);
    }

    /// <summary>A task, call or event related to a lead: <c>What_Id</c> the lead, <c>$se_module</c> Leads, no <c>Who_Id</c>.</summary>
    private SimRecord LeadActivity(string module, SimRecord lead)
    {
        var (schema, v) = New(module);
        var created = After(lead);
        var when = created + _rng.Next(-86_400 * 10, 86_400 * 30);
        FillActivity(schema, v, module, when);
        Set(schema, v, "What_Id", lead.Self);
        Set(schema, v, "$se_module", Schemas.Leads);
        return Add(schema, v, created);
    }

    private SimRecord ContactTask(SimRecord contact)
    {
        var (schema, v) = New(Schemas.Tasks);
        var created = After(contact);
        FillActivity(schema, v, Schemas.Tasks, created + 86_400);
        Set(schema, v, "Who_Id", contact.Self);
        return Add(schema, v, created);
    }

    private void FillActivity(ModuleSchema schema, object?[] v, string module, long when)
    {
        switch (module)
        {
            case Schemas.Tasks:
                var status = Pick(NamePools.TaskStatuses);
                Set(schema, v, "Subject", Pick(NamePools.TaskSubjects));
                Set(schema, v, "Due_Date", Date(when));
                Set(schema, v, "Status", status);
                Set(schema, v, "Priority", Pick(NamePools.Priorities));
                Set(schema, v, "Closed_Time", status == "Completed" ? when : null);
                break;
            case Schemas.Calls:
                Set(schema, v, "Subject", Pick(NamePools.CallSubjects));
                Set(schema, v, "Call_Type", "Outbound");
                Set(schema, v, "Call_Start_Time", when);
                Set(schema, v, "Call_Duration", "05:00");
                Set(schema, v, "Call_Duration_in_seconds", 300L);
                Set(schema, v, "Call_Purpose", Pick(NamePools.CallPurposes));
                Set(schema, v, "Call_Result", Pick(NamePools.CallResults));
                Set(schema, v, "Call_Status", when > _nowUnix ? "Scheduled" : "Completed");
                break;
            default:
                Set(schema, v, "Event_Title", Pick(NamePools.EventTitles));
                Set(schema, v, "Start_DateTime", when);
                Set(schema, v, "End_DateTime", when + 3600);
                Set(schema, v, "All_day", false);
                Set(schema, v, "Venue", Pick(NamePools.Places).City);
                break;
        }
    }

    private SimRecord Person(string module, string first, string last, string email, string? description)
    {
        var (schema, v) = New(module);
        Set(schema, v, "First_Name", first);
        Set(schema, v, "Last_Name", last);
        Set(schema, v, "Email", email);
        Set(schema, v, "Phone", GeneratedValue.Phone);
        Set(schema, v, "Email_Opt_Out", false);
        Set(schema, v, "Description", description);
        if (module == Schemas.Leads)
        {
            Set(schema, v, "Company", Pick(NamePools.Companies));
        }

        return Add(schema, v, _nowUnix - (86_400L * _rng.Next(30, 300)));
    }

    private SimRecord Case(SimRecord contact, string subject)
    {
        var (schema, v) = New(Schemas.Cases);
        Set(schema, v, "Subject", subject);
        Set(schema, v, "Case_Number", GeneratedValue.Number);
        Set(schema, v, "Status", "New");
        Set(schema, v, "Case_Origin", "Email");
        Set(schema, v, "Priority", "Medium");
        Set(schema, v, "Email", contact.Get("Email"));
        Set(schema, v, "Reported_By", contact.Self.Name);
        Set(schema, v, "Related_To", contact.Self);
        return Add(schema, v, After(contact));
    }

    private static (ModuleSchema Schema, object?[] Values) New(string module)
    {
        var schema = Schemas.ByName[module];
        return (schema, new object?[schema.SlotCount]);
    }

    private SimRecord Add(ModuleSchema schema, object?[] values, long createdUnix)
    {
        values[schema.Field("Owner").Slot] = _org.Users[_rng.Next(_org.Users.Count)];
        var record = new SimRecord(schema, _org.NextId(), createdUnix, createdUnix, values);
        _pending[schema.ApiName].Add(record);
        return record;
    }

    /// <summary>A creation time after the parent's, at least an hour before now.</summary>
    private long After(SimRecord parent) => Math.Min(parent.CreatedUnix + _rng.Next(3_600, 86_400 * 30), _nowUnix - 3_600);

    private static void Set(ModuleSchema schema, object?[] values, string field, object? value) => values[schema.Field(field).Slot] = value;

    private static void Set(SimRecord record, string field, object? value) => record.Values[record.Schema.Field(field).Slot] = value;

    private T Pick<T>(T[] pool) => pool[_rng.Next(pool.Length)];

    private static string Date(long unix) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Seeding;

/// <summary>
/// Generates an org's records deterministically from <see cref="SeedSpec.RandomSeed"/>: accounts, contacts with their
/// calls, tasks, events, quotes, invoices, sales and purchase orders, leads, cases, and the planted subjects.
/// </summary>
internal sealed class Seeder
{
    private static readonly string[] ChildModules =
    [
        Schemas.Calls, Schemas.Tasks, Schemas.Events, Schemas.Quotes, Schemas.Invoices, Schemas.SalesOrders, Schemas.PurchaseOrders,
    ];

    private readonly SimOrg _org;
    private readonly SeedSpec _spec;
    private readonly Random _rng;
    private readonly Dictionary<string, List<SimRecord>> _pending = new(StringComparer.Ordinal);
    private readonly List<SimRecord> _accounts = [];
    private readonly long _nowUnix;
    private readonly long _stepSeconds;
    private long _clock;
    private int _personCounter;

    public Seeder(SimOrg org, SeedSpec spec)
    {
        _org = org;
        _spec = spec;
        _rng = new Random(spec.RandomSeed);
        var today = org.Now.ToUnixTimeSeconds() / 86_400 * 86_400;
        _nowUnix = today;
        var span = (long)TimeSpan.FromDays(730).TotalSeconds;
        _clock = today - span - 86_400;
        var planned = Math.Max(1L, spec.Contacts * (1L + spec.RelatedPerContact) + spec.Leads + spec.Cases + AccountCount + 3_000);
        _stepSeconds = Math.Max(1, span / planned);
        foreach (var schema in Schemas.All.Where(s => !s.IsPseudo))
        {
            _pending[schema.ApiName] = [];
        }
    }

    private int AccountCount => _spec.Accounts > 0 ? _spec.Accounts : Math.Max(1, _spec.Contacts / 20);

    public SeedResult Run()
    {
        // Seeding allocates millions of long-lived objects: avoid blocking full collections while it runs.
        var latency = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        try
        {
            return Generate();
        }
        finally
        {
            System.Runtime.GCSettings.LatencyMode = latency;
        }
    }

    private SeedResult Generate()
    {
        for (var i = 0; i < AccountCount; i++)
        {
            _accounts.Add(AddAccount());
        }

        for (var i = 0; i < _spec.Contacts; i++)
        {
            var (first, last, email, secondary) = RandomPerson();
            var contact = AddPerson(Schemas.Contacts, first, last, email, secondary);
            var children = _spec.RelatedPerContact <= 0 ? 0 : _rng.Next(0, (2 * _spec.RelatedPerContact) + 1);
            for (var c = 0; c < children; c++)
            {
                AddChild(ChildModules[_rng.Next(ChildModules.Length)], contact);
            }
        }

        for (var i = 0; i < _spec.Leads; i++)
        {
            var (first, last, email, secondary) = RandomPerson();
            AddPerson(Schemas.Leads, first, last, email, secondary);
        }

        var contacts = _pending[Schemas.Contacts];
        var randomContacts = contacts.Count;
        for (var i = 0; i < _spec.Cases; i++)
        {
            if (randomContacts > 0 && _rng.Next(2) == 0)
            {
                var contact = contacts[_rng.Next(randomContacts)];
                AddCase(contact.Get(contact.Schema.Field("Email")) as string, contact);
            }
            else
            {
                var (_, _, email, _) = RandomPerson();
                AddCase(email, null);
            }
        }

        var plantedEmails = new List<(string Name, string Email, IReadOnlyList<string> LookAlikes)>();
        var people = new Dictionary<string, PlantedPeople>(StringComparer.Ordinal);
        if (_spec.PlantSubjects)
        {
            PlantSubjects(plantedEmails, people);
        }

        var related = new RelatedSeeder(_org, _pending, _nowUnix, _spec.RandomSeed);
        related.PlantForOthers(contacts[..randomContacts], _pending[Schemas.Leads][.._spec.Leads], _pending[Schemas.Cases][.._spec.Cases]);
        if (_spec.PlantSubjects)
        {
            related.PlantForSubjects(people);
        }

        foreach (var (module, records) in _pending)
        {
            _org.Store(module).AddRange(records);
        }

        var mentions = MentionScan.Collect(_org);
        var subjects = plantedEmails.Select(p => SubjectTruth.Build(_org, p.Name, p.Email, p.LookAlikes, mentions)).ToList();
        var counts = _org.Stores.Where(s => s.LiveCount > 0).ToDictionary(s => s.Schema.ApiName, s => s.LiveCount, StringComparer.Ordinal);
        return new SeedResult { Subjects = subjects, RecordsByModule = counts };
    }

    /// <summary>
    /// Every live record of a subject: parents whose email fields equal the email (trimmed, case-insensitive) and
    /// children linked by Who_Id or Contact_Name to a matched contact.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedFor(SimOrg org, string email)
    {
        var key = EmailIndex.Normalize(email);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var matchedContacts = new List<SimRecord>();
        foreach (var module in Schemas.ParentModules)
        {
            var store = org.Store(module);
            var matched = store.EmailExact(key)
                .Where(r => r.IsLive && store.Schema.EmailFields.Any(f => r.Values[f.Slot] is string v && EmailIndex.Normalize(v) == key))
                .DistinctBy(r => r.Id)
                .OrderBy(r => r.Id)
                .ToList();
            if (module == Schemas.Contacts)
            {
                matchedContacts = matched;
            }

            if (matched.Count > 0)
            {
                result[module] = Ids(matched);
            }
        }

        foreach (var (module, fieldName) in Schemas.ContactChildren)
        {
            var store = org.Store(module);
            var field = store.Schema.Field(fieldName);
            var children = matchedContacts.SelectMany(c => store.ByLookup(field, c.Id)).Where(r => r.IsLive)
                .DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList();
            if (children.Count > 0)
            {
                result[module] = Ids(children);
            }
        }

        return result;
    }

    private static List<string> Ids(IEnumerable<SimRecord> records) =>
        [.. records.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))];

    private void PlantSubjects(List<(string, string, IReadOnlyList<string>)> planted, Dictionary<string, PlantedPeople> people)
    {
        // exact: the email as given, in a contact and a lead, with a few activities.
        const string exact = "maria.exact@example.com";
        var c1 = AddPerson(Schemas.Contacts, "Maria", "Exact", exact, null);
        var l1 = AddPerson(Schemas.Leads, "Maria", "Exact", exact, null);
        AddChild(Schemas.Calls, c1);
        AddChild(Schemas.Calls, c1);
        AddChild(Schemas.Tasks, c1);
        AddChild(Schemas.Quotes, c1);
        planted.Add(("exact", exact, []));
        people["exact"] = new PlantedPeople(exact, c1, l1, null);

        // case: other letter case and surrounding spaces in the data.
        const string caseEmail = "olga.case@example.net";
        var c2 = AddPerson(Schemas.Contacts, "Olga", "Case", "  Olga.Case@Example.NET ", null);
        var l2 = AddPerson(Schemas.Leads, "Olga", "Case", "OLGA.CASE@EXAMPLE.NET", null);
        AddChild(Schemas.Events, c2);
        planted.Add(("case", caseEmail, []));
        people["case"] = new PlantedPeople(caseEmail, c2, l2, null);

        // secondary: the email only in Secondary_Email.
        const string secondary = "sam.secondary@example.org";
        var c3 = AddPerson(Schemas.Contacts, "Sam", "Secondary", "sam.work@corp.example.net", secondary);
        var l3 = AddPerson(Schemas.Leads, "Sam", "Secondary", "s.secondary@shop.example.org", "Sam.Secondary@example.org");
        AddChild(Schemas.Invoices, c3);
        planted.Add(("secondary", secondary, []));
        people["secondary"] = new PlantedPeople(secondary, c3, l3, null);

        // multi-module: a contact, a lead, a case and children in every related module.
        const string multi = "nina.multi@example.com";
        var c4 = AddPerson(Schemas.Contacts, "Nina", "Multi", multi, null);
        var l4 = AddPerson(Schemas.Leads, "Nina", "Multi", multi, null);
        var case4 = AddCase(multi, c4);
        foreach (var module in ChildModules)
        {
            AddChild(module, c4);
            AddChild(module, c4);
        }

        planted.Add(("multi-module", multi, []));
        people["multi-module"] = new PlantedPeople(multi, c4, l4, case4);

        // over-200: more than 200 matching cases (Search pages past one page).
        const string many = "oscar.many@example.com";
        var c5 = AddPerson(Schemas.Contacts, "Oscar", "Many", many, null);
        for (var i = 0; i < 230; i++)
        {
            AddCase(i % 3 == 0 ? "Oscar.Many@Example.com" : many, c5);
        }

        planted.Add(("over-200", many, []));

        if (_spec.PlantOver2000Subject)
        {
            // over-2000: more matching cases than Search can return (LIMIT_REACHED past 2,000).
            const string huge = "petra.huge@example.com";
            var c6 = AddPerson(Schemas.Contacts, "Petra", "Huge", huge, null);
            for (var i = 0; i < 2_100; i++)
            {
                AddCase(huge, c6);
            }

            planted.Add(("over-2000", huge, []));
        }

        // lookalikes: one true match and near-misses that Search's "contains" finds but that must not match.
        const string look = "lee.look@example.com";
        string[] lookAlikes =
        [
            "lee.look+x@example.com", "lee.look@example.org", "xlee.look@example.com", "lee.look@example.com.evil",
            "ee.look@example.com", "lee.look@example.co", "lee.lookup@example.com", "mylee.look@example.com.au",
        ];
        var c7 = AddPerson(Schemas.Contacts, "Lee", "Look", look, null);
        AddChild(Schemas.Calls, c7);
        SimRecord? firstDecoy = null;
        for (var i = 0; i < lookAlikes.Length; i++)
        {
            var module = i % 2 == 0 ? Schemas.Contacts : Schemas.Leads;
            var decoy = i % 3 == 2
                ? AddPerson(module, "Lee", "Decoy", "decoy" + i.ToString(CultureInfo.InvariantCulture) + "@example.net", lookAlikes[i])
                : AddPerson(module, "Lee", "Decoy", i == 3 ? lookAlikes[i].ToUpperInvariant() : lookAlikes[i], null);
            if (module == Schemas.Contacts)
            {
                firstDecoy ??= decoy;
                AddChild(Schemas.Calls, decoy);
                AddChild(Schemas.Quotes, decoy);
            }

            AddCase(lookAlikes[i], module == Schemas.Contacts ? decoy : null);
        }

        planted.Add(("lookalikes", look, lookAlikes));
        people["lookalikes"] = new PlantedPeople(look, c7, null, null, firstDecoy);
    }

    private (string First, string Last, string Email, string? Secondary) RandomPerson()
    {
        var first = NamePools.FirstNames[_rng.Next(NamePools.FirstNames.Length)];
        var last = NamePools.LastNames[_rng.Next(NamePools.LastNames.Length)];
        var n = ++_personCounter;
        var domain = NamePools.Domains[_rng.Next(NamePools.Domains.Length)];
        var email = string.Concat(first.ToLowerInvariant(), ".", last.ToLowerInvariant(), n.ToString(CultureInfo.InvariantCulture), "@", domain);
        string? secondary = null;
        if (_rng.Next(4) == 0)
        {
            secondary = string.Concat(first[..1].ToLowerInvariant(), last.ToLowerInvariant(), n.ToString(CultureInfo.InvariantCulture), "@",
                NamePools.Domains[_rng.Next(NamePools.Domains.Length)]);
        }

        return (first, last, email, secondary);
    }

    private SimRecord AddAccount()
    {
        var schema = Schemas.ByName[Schemas.Accounts];
        var v = new object?[schema.SlotCount];
        var place = Pick(NamePools.Places);
        Set(schema, v, "Account_Name", Pick(NamePools.Companies) + " " + place.City + " " + _accounts.Count.ToString(CultureInfo.InvariantCulture));
        Set(schema, v, "Phone", GeneratedValue.Phone);
        Set(schema, v, "Website", "https://www.example.com/" + _accounts.Count.ToString(CultureInfo.InvariantCulture));
        Set(schema, v, "Industry", Pick(NamePools.Industries));
        Set(schema, v, "Billing_City", place.City);
        Set(schema, v, "Billing_Country", place.Country);
        return Add(schema, v);
    }

    private SimRecord AddPerson(string module, string first, string last, string? email, string? secondary)
    {
        var schema = Schemas.ByName[module];
        var v = new object?[schema.SlotCount];
        var place = Pick(NamePools.Places);
        Set(schema, v, "First_Name", first);
        Set(schema, v, "Last_Name", last);
        Set(schema, v, "Email", email);
        Set(schema, v, "Secondary_Email", secondary);
        Set(schema, v, "Phone", GeneratedValue.Phone);
        Set(schema, v, "Mobile", _rng.Next(3) == 0 ? null : GeneratedValue.Mobile);
        Set(schema, v, "Email_Opt_Out", Bool(_rng.Next(10) == 0));
        Set(schema, v, "$stop_processing", Bool(_rng.Next(50) == 0));
        if (_rng.Next(10) < 3)
        {
            Set(schema, v, "Data_Processing_Basis_Details", new ConsentDetails
            {
                Id = _org.NextId(),
                DataProcessingBasis = Pick(NamePools.ProcessingBases),
                ConsentThrough = Pick(NamePools.ConsentChannels),
                ContactThroughEmail = _rng.Next(2) == 0,
                ContactThroughPhone = _rng.Next(2) == 0,
                ConsentDate = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(_clock).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CreatedUnix = _clock,
            });
        }

        if (module == Schemas.Contacts)
        {
            var account = _accounts.Count > 0 ? _accounts[_rng.Next(_accounts.Count)] : null;
            Set(schema, v, "Account_Name", account?.Self);
            Set(schema, v, "Title", Pick(NamePools.Titles));
            Set(schema, v, "Department", Pick(NamePools.Departments));
            Set(schema, v, "Mailing_Street", GeneratedValue.Street);
            Set(schema, v, "Mailing_City", place.City);
            Set(schema, v, "Mailing_State", place.State);
            Set(schema, v, "Mailing_Zip", GeneratedValue.Zip);
            Set(schema, v, "Mailing_Country", place.Country);
            Set(schema, v, "Date_of_Birth", GeneratedValue.BirthDate);
            Set(schema, v, "Lead_Source", Pick(NamePools.LeadSources));
        }
        else
        {
            Set(schema, v, "Company", Pick(NamePools.Companies));
            Set(schema, v, "Designation", Pick(NamePools.Titles));
            Set(schema, v, "Lead_Status", Pick(NamePools.LeadStatuses));
            Set(schema, v, "Lead_Source", Pick(NamePools.LeadSources));
            Set(schema, v, "Industry", Pick(NamePools.Industries));
            Set(schema, v, "Street", GeneratedValue.Street);
            Set(schema, v, "City", place.City);
            Set(schema, v, "State", place.State);
            Set(schema, v, "Zip_Code", GeneratedValue.Zip);
            Set(schema, v, "Country", place.Country);
        }

        return Add(schema, v);
    }

    private SimRecord AddCase(string? email, SimRecord? contact)
    {
        var schema = Schemas.ByName[Schemas.Cases];
        var v = new object?[schema.SlotCount];
        Set(schema, v, "Subject", Pick(NamePools.CaseSubjects));
        Set(schema, v, "Case_Number", GeneratedValue.Number);
        Set(schema, v, "Status", Pick(NamePools.CaseStatuses));
        Set(schema, v, "Case_Origin", Pick(NamePools.CaseOrigins));
        Set(schema, v, "Priority", Pick(NamePools.Priorities));
        Set(schema, v, "Type", Pick(NamePools.CaseTypes));
        Set(schema, v, "Case_Reason", Pick(NamePools.CaseReasons));
        Set(schema, v, "Email", email);
        Set(schema, v, "Phone", _rng.Next(2) == 0 ? GeneratedValue.Phone : null);
        Set(schema, v, "Reported_By", contact?.Self.Name);
        Set(schema, v, "Related_To", contact?.Self);
        Set(schema, v, "Account_Name", contact?.Get("Account_Name"));
        return Add(schema, v);
    }

    private SimRecord AddChild(string module, SimRecord contact)
    {
        var schema = Schemas.ByName[module];
        var v = new object?[schema.SlotCount];
        var account = contact.Get("Account_Name") as LookupRef;
        var when = _clock + _rng.Next(-86_400 * 30, 86_400 * 60);
        switch (module)
        {
            case Schemas.Calls:
                Set(schema, v, "Subject", Pick(NamePools.CallSubjects));
                var type = Pick(NamePools.CallTypes);
                Set(schema, v, "Call_Type", type);
                Set(schema, v, "Call_Start_Time", when);
                var seconds = type == "Missed" ? 0 : _rng.Next(30, 3600);
                Set(schema, v, "Call_Duration", (seconds / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (seconds % 60).ToString("00", CultureInfo.InvariantCulture));
                Set(schema, v, "Call_Duration_in_seconds", (long)seconds);
                Set(schema, v, "Call_Purpose", Pick(NamePools.CallPurposes));
                Set(schema, v, "Call_Result", Pick(NamePools.CallResults));
                Set(schema, v, "Call_Status", when > _nowUnix ? "Scheduled" : type == "Missed" ? "Missed" : "Completed");
                break;
            case Schemas.Tasks:
                Set(schema, v, "Subject", Pick(NamePools.TaskSubjects));
                Set(schema, v, "Due_Date", Date(when));
                var status = Pick(NamePools.TaskStatuses);
                Set(schema, v, "Status", status);
                Set(schema, v, "Priority", Pick(NamePools.Priorities));
                Set(schema, v, "Closed_Time", status == "Completed" ? when : null);
                break;
            case Schemas.Events:
                Set(schema, v, "Event_Title", Pick(NamePools.EventTitles));
                Set(schema, v, "Start_DateTime", when);
                Set(schema, v, "End_DateTime", when + 3600);
                Set(schema, v, "All_day", Bool(false));
                Set(schema, v, "Venue", Pick(NamePools.Places).City);
                break;
            default:
                Set(schema, v, "Subject", Pick(NamePools.Products));
                var numberField = module switch
                {
                    Schemas.Quotes => "Quote_Number",
                    Schemas.Invoices => "Invoice_Number",
                    Schemas.SalesOrders => "SO_Number",
                    _ => "PO_Number",
                };
                Set(schema, v, numberField, GeneratedValue.Number);
                Set(schema, v, module == Schemas.Quotes ? "Quote_Stage" : "Status",
                    module == Schemas.Quotes ? Pick(NamePools.QuoteStages) : module == Schemas.Invoices ? Pick(NamePools.InvoiceStatuses) : Pick(NamePools.OrderStatuses));
                Set(schema, v, "Contact_Name", contact.Self);
                Set(schema, v, "Account_Name", account);
                var place = Pick(NamePools.Places);
                Set(schema, v, "Billing_City", place.City);
                Set(schema, v, "Billing_Country", place.Country);
                Set(schema, v, "Grand_Total", Math.Round(_rng.NextDouble() * 20_000, 2));
                if (module == Schemas.Invoices)
                {
                    Set(schema, v, "Invoice_Date", Date(when));
                }
                else if (module == Schemas.Quotes)
                {
                    Set(schema, v, "Valid_Till", Date(when + (86_400 * 30)));
                }
                else if (module == Schemas.PurchaseOrders)
                {
                    Set(schema, v, "PO_Date", Date(when));
                }

                return Add(schema, v);
        }

        Set(schema, v, "Who_Id", contact.Self);
        if (account is not null)
        {
            Set(schema, v, "What_Id", account);
            Set(schema, v, "$se_module", Schemas.Accounts);
        }

        return Add(schema, v);
    }

    private SimRecord Add(ModuleSchema schema, object?[] values)
    {
        values[schema.Field("Owner").Slot] = _org.Users[_rng.Next(_org.Users.Count)];
        _clock += _stepSeconds;
        var created = _clock;
        var modified = Math.Min(created + _rng.Next(0, 86_400 * 20), _nowUnix - 3_600);
        var record = new SimRecord(schema, _org.NextId(), created, Math.Max(created, modified), values);
        _pending[schema.ApiName].Add(record);
        return record;
    }

    private static void Set(ModuleSchema schema, object?[] values, string field, object? value) =>
        values[schema.Field(field).Slot] = value;

    private static object Bool(bool value) => value ? BoxedTrue : BoxedFalse;

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private T Pick<T>(T[] pool) => pool[_rng.Next(pool.Length)];

    private static string Date(long unix) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

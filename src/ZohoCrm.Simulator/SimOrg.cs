using ZohoCrm.Simulator.Auth;
using ZohoCrm.Simulator.Limits;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Seeding;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator;

/// <summary>A simulated Zoho CRM org: its client, tokens, records, limits, counters and faults.</summary>
public sealed class SimOrg
{
    /// <summary>Every scope the DSR workflow needs.</summary>
    public static readonly IReadOnlyList<string> DsrScopes =
    [
        "ZohoCRM.modules.ALL", "ZohoSearch.securesearch.READ", "ZohoCRM.coql.READ", "ZohoCRM.settings.ALL",
        "ZohoCRM.org.ALL", "ZohoCRM.users.ALL",
    ];

    internal static readonly TimeSpan RecycleBinRetention = TimeSpan.FromDays(60);

    private readonly TokenService _tokens;
    private readonly Dictionary<string, ModuleStore> _stores = new(StringComparer.Ordinal);
    private readonly long _idPrefix;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte[]> _files = new();
    private long _sequence;
    private long _calls;
    private int _seeded;

    internal SimOrg(SimOrgSpec spec, SimulatorOptions options, TokenService tokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.OrgId);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.DataCenter);
        Spec = spec;
        Options = options;
        _tokens = tokens;
        OrgId = spec.OrgId;
        DataCenter = spec.DataCenter.ToUpperInvariant();
        var hash = StableHash(spec.OrgId) ^ (uint)options.RandomSeed;
        _idPrefix = 1_000_000 + (hash % 8_000_000);
        ClientId = spec.ClientId ?? "1000." + tokens.NewSecret(30).ToUpperInvariant();
        ClientSecret = spec.ClientSecret ?? tokens.NewSecret(42);
        Counters = new SimCounters();
        Faults = new SimFaults(options.RandomSeed ^ (int)hash);
        Credits = new CreditLedger(spec.DailyCreditLimit ?? EditionLimits.DailyCredits(spec.Edition, spec.UserLicenses));
        ConcurrencyLimit = spec.ConcurrencyLimit ?? EditionLimits.Concurrency(spec.Edition);
        Offset = DataCenter switch
        {
            "EU" => TimeSpan.FromHours(1),
            "IN" => new TimeSpan(5, 30, 0),
            "AU" => TimeSpan.FromHours(10),
            "JP" => TimeSpan.FromHours(9),
            "CN" => TimeSpan.FromHours(8),
            "UK" => TimeSpan.Zero,
            "SA" => TimeSpan.FromHours(3),
            _ => TimeSpan.FromHours(-5),
        };
        NumericId = NextId();
        Users =
        [
            new LookupRef(NextId(), "Pat Boyle", "pat.boyle@zylker.example"),
            new LookupRef(NextId(), "Ravi Menon", "ravi.menon@zylker.example"),
            new LookupRef(NextId(), "Ana Souza", "ana.souza@zylker.example"),
            new LookupRef(NextId(), "Kenji Sato", "kenji.sato@zylker.example"),
        ];
        foreach (var schema in Schemas.All.Where(s => !s.IsPseudo))
        {
            var restricted = new bool[schema.Fields.Count];
            foreach (var name in spec.RestrictedFields)
            {
                var parts = name.Split('.', 2);
                if (parts.Length == 2 && parts[0] == schema.ApiName && schema.TryGetField(parts[1], out var field))
                {
                    restricted[field.Ordinal] = true;
                }
            }

            _stores.Add(schema.ApiName, new ModuleStore(schema, restricted));
        }

        foreach (var name in spec.RestrictedFields)
        {
            var parts = name.Split('.', 2);
            if (parts.Length != 2 || !Schemas.ByName.TryGetValue(parts[0], out var schema) || !schema.TryGetField(parts[1], out _))
            {
                throw new ArgumentException($"Unknown restricted field '{name}' (expected Module.Field).", nameof(spec));
            }
        }

        Bin = new RecycleBin(this);
        tokens.RegisterClient(this);
        RefreshToken = tokens.IssueRefreshToken(this, DsrScopes);
    }

    public string OrgId { get; }

    public string DataCenter { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>A refresh token with every scope the DSR workflow needs (the latest one re-issued).</summary>
    public string RefreshToken { get; private set; }

    public ZohoEdition Edition => Spec.Edition;

    public SimCounters Counters { get; }

    public SimFaults Faults { get; }

    /// <summary>Subjects planted by the last <see cref="Seed"/>.</summary>
    public IReadOnlyList<PlantedSubject> PlantedSubjects { get; private set; } = [];

    internal SimOrgSpec Spec { get; }

    internal SimulatorOptions Options { get; }

    internal CreditLedger Credits { get; }

    internal int ConcurrencyLimit { get; }

    internal TimeSpan Offset { get; }

    internal long NumericId { get; }

    internal IReadOnlyList<LookupRef> Users { get; }

    internal bool PrivacyOn => Spec.PrivacySettings;

    internal DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public string IssueRefreshToken(params string[] scopes) => _tokens.IssueRefreshToken(this, scopes);

    public string IssueGrantCode(string redirectUri, params string[] scopes) => _tokens.IssueGrantCode(this, redirectUri, scopes);

    public SeedResult Seed(SeedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Interlocked.Exchange(ref _seeded, 1) == 1)
        {
            throw new InvalidOperationException("An org is seeded once.");
        }

        var result = new Seeder(this, spec).Run();
        PlantedSubjects = result.Subjects;
        return result;
    }

    public string InsertRecord(string module, IReadOnlyDictionary<string, object?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var store = StoreOrThrow(module);
        var schema = store.Schema;
        var values = new object?[schema.SlotCount];
        values[schema.Field("Owner").Slot] = Users[0];
        foreach (var (name, value) in fields)
        {
            if (!schema.TryGetField(name, out var field) || field.Slot < 0)
            {
                throw new ArgumentException($"Field '{name}' is not a stored field of {module}.", nameof(fields));
            }

            values[field.Slot] = ConvertValue(field, value);
        }

        return AddRecord(schema, values).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool Exists(string module, string id) => Find(module, id) is { IsLive: true };

    public bool IsInRecycleBin(string module, string id) =>
        Find(module, id) is { State: RecordState.Recycled } r && !IsExpiredFromBin(r);

    public int Count(string module) => StoreOrThrow(module).LiveCount;

    public void LockRecord(string module, string id)
    {
        var record = Find(module, id) ?? throw new ArgumentException($"No record {id} in {module}.", nameof(id));
        record.Locked = true;
    }

    public void ExpireAccessTokens() => _tokens.ExpireAccessTokens(this);

    public void RevokeRefreshToken(string refreshToken) => _tokens.Revoke(refreshToken);

    /// <summary>Revokes every refresh token of the org and their access tokens (a user revoking the app); returns how many.</summary>
    public int RevokeRefreshTokens() => _tokens.RevokeAll(this);

    /// <summary>Issues a new refresh token with every DSR scope (the org re-authorised) and makes it <see cref="RefreshToken"/>.</summary>
    public string ReissueRefreshToken()
    {
        var token = _tokens.IssueRefreshToken(this, DsrScopes);
        RefreshToken = token;
        return token;
    }

    /// <summary>Marks a record locked: deleting it answers <c>RECORD_LOCKED</c>.</summary>
    public bool TryLockRecord(string module, string id)
    {
        if (!_stores.ContainsKey(module) || Find(module, id) is not { IsLive: true } record)
        {
            return false;
        }

        record.Locked = true;
        return true;
    }

    /// <summary>The ground truth of a record of a module (null when the org never had it).</summary>
    public RecordTruth? GetRecordTruth(string module, string id) =>
        _stores.ContainsKey(module) && Find(module, id) is { } record ? RecordTruth.Of(record, this) : null;

    /// <summary>The ground truth of a record of any module (ids are unique across an org's modules).</summary>
    public RecordTruth? FindRecordTruth(string id) => FindAnyModule(id) is { } record ? RecordTruth.Of(record, this) : null;

    /// <summary>Every record in the recycle bin now, most recently deleted first.</summary>
    public IReadOnlyList<RecordTruth> RecycleBinTruth() =>
        [.. _stores.Values.SelectMany(s => s.Where(r => r.State == RecordState.Recycled && !IsExpiredFromBin(r)))
            .OrderByDescending(r => r.DeletedUnix).ThenByDescending(r => r.Id)
            .Select(r => RecordTruth.Of(r, this))];

    internal bool TryGetStore(string module, out ModuleStore store)
    {
        if (_stores.TryGetValue(module, out store!))
        {
            return true;
        }

        if (!Options.ModuleNamesCaseSensitive && Schemas.ByNameIgnoreCase.TryGetValue(module, out var schema) && !schema.IsPseudo)
        {
            store = _stores[schema.ApiName];
            return true;
        }

        return false;
    }

    internal ModuleStore Store(string module) => _stores[module];

    /// <summary>Moves records to the recycle bin and out of it, noting who, when and by which call.</summary>
    internal RecycleBin Bin { get; }

    internal SimCall StartCall(string method, string path, string endpoint) =>
        new(Interlocked.Increment(ref _calls), method, path, endpoint, Now.ToUnixTimeSeconds());

    internal SimRecord? FindAnyModule(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? _stores.Values.Select(s => s.Find(n)).FirstOrDefault(r => r is not null)
            : null;

    /// <summary>Live notes or attachments whose <c>Parent_Id</c> is <paramref name="parentId"/>.</summary>
    internal List<SimRecord> Children(string module, long parentId)
    {
        var store = _stores[module];
        return [.. store.ByLookup(store.Schema.Field("Parent_Id"), parentId).Where(r => r.IsLive)];
    }

    /// <summary>The bytes of a file attachment: what was planted, or synthetic bytes of its <c>Size</c>.</summary>
    internal byte[] AttachmentContent(SimRecord attachment)
    {
        if (_files.TryGetValue(attachment.Id, out var bytes))
        {
            return bytes;
        }

        var size = long.TryParse(attachment.Get("Size") as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? (int)Math.Min(n, 16 * 1024 * 1024)
            : 0;
        return Seeding.SyntheticFile.Bytes(attachment.Id, attachment.Get("File_Name") as string ?? string.Empty, size);
    }

    internal void SetAttachmentContent(long attachmentId, byte[] content) => _files[attachmentId] = content;

    /// <summary>Stores a new record (its id taken now), created and modified now; <paramref name="beforeStore"/> finishes it.</summary>
    internal SimRecord AddRecord(ModuleSchema schema, object?[] values, Action<SimRecord>? beforeStore = null)
    {
        var now = Now.ToUnixTimeSeconds();
        var record = new SimRecord(schema, NextId(), now, now, values);
        beforeStore?.Invoke(record);
        _stores[schema.ApiName].Add(record);
        return record;
    }

    internal IEnumerable<ModuleStore> Stores => _stores.Values;

    internal bool IsRestricted(ModuleStore store, FieldDef field) => PrivacyOn && store.Restricted[field.Ordinal];

    internal bool IsExpiredFromBin(SimRecord record) =>
        record.State == RecordState.Recycled
        && Now.ToUnixTimeSeconds() - record.DeletedUnix >= (long)RecycleBinRetention.TotalSeconds;

    internal long ModuleId(ModuleSchema schema) => (_idPrefix * 1_000_000_000_000L) + 1_000_000L + schema.Index;

    internal long FieldId(ModuleSchema schema, FieldDef field) =>
        (_idPrefix * 1_000_000_000_000L) + 2_000_000L + (schema.Index * 1_000L) + field.Ordinal;

    internal long RelatedListId(ModuleSchema schema, int index) =>
        (_idPrefix * 1_000_000_000_000L) + 3_000_000L + (schema.Index * 100L) + index;

    internal long NextId()
    {
        var seq = Interlocked.Increment(ref _sequence);
        var jitter = (long)((ulong)(seq * 2654435761L) >> 7) % 3;
        return (_idPrefix * 1_000_000_000_000L) + 100_000_000L + (seq * 3) + jitter;
    }

    internal object? ConvertValue(FieldDef field, object? value)
    {
        if (value is null)
        {
            return null;
        }

        switch (field.Kind)
        {
            case FieldKind.Boolean or FieldKind.SystemBoolean:
                return value is bool b ? b : bool.Parse(value.ToString()!);
            case FieldKind.Integer:
                return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            case FieldKind.Currency:
                return Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            case FieldKind.DateTime:
                return value switch
                {
                    DateTimeOffset d => d.ToUnixTimeSeconds(),
                    long l => l,
                    _ => DateTimeOffset.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(),
                };
            case FieldKind.Lookup or FieldKind.OwnerLookup or FieldKind.UserLookup or FieldKind.MultiModuleLookup:
                return ToLookup(field, value);
            case FieldKind.ConsentLookup:
                return value as ConsentDetails;
            default:
                return value.ToString();
        }
    }

    private LookupRef ToLookup(FieldDef field, object value)
    {
        string? idText;
        string? name = null;
        switch (value)
        {
            case LookupRef r:
                return r;
            case IReadOnlyDictionary<string, object?> map:
                idText = map.GetValueOrDefault("id")?.ToString();
                name = map.GetValueOrDefault("name")?.ToString();
                break;
            default:
                idText = value.ToString();
                break;
        }

        if (!long.TryParse(idText, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException($"Lookup '{field.ApiName}' needs a numeric id.", nameof(value));
        }

        if (field.Kind is FieldKind.OwnerLookup or FieldKind.UserLookup)
        {
            return Users.FirstOrDefault(u => u.Id == id) ?? new LookupRef(id, name ?? string.Empty);
        }

        if (field.LookupModule is not null && _stores.TryGetValue(field.LookupModule, out var target) && target.Find(id) is { } record)
        {
            return record.Self;
        }

        return new LookupRef(id, name ?? string.Empty);
    }

    private SimRecord? Find(string module, string id) =>
        long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? StoreOrThrow(module).Find(n) : null;

    private ModuleStore StoreOrThrow(string module) =>
        _stores.TryGetValue(module, out var store) ? store : throw new ArgumentException($"Unknown module '{module}'.", nameof(module));

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

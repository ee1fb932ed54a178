using System.Globalization;
using System.Text.Json;
using ZohoDsr.Benchmarks.Harness;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Benchmarks.Scenarios.Soak;

/// <summary>
/// The soak's invariants, each checked against the simulator's truth and reported as one check with its count of
/// differences and the first few of them.
/// </summary>
public sealed class SoakChecks(ScenarioReport report, IReadOnlyList<SoakRequest> work)
{
    private const int Examples = 5;

    /// <summary>Which request's subject each planted record belongs to, by org, module and id.</summary>
    private readonly Dictionary<(string OrgId, string Module, string Id), string> _owners = work
        .SelectMany(w => w.Subject.All.Select(r => (Key: (w.Org.Bench.OrgId, r.Module, r.Id), Owner: w.Request.RequestId!)))
        .ToDictionary(p => p.Key, p => p.Owner);

    private readonly Dictionary<string, List<string>> _differences = new(StringComparer.Ordinal)
    {
        [AccessExports] = [],
        [AccessUntouched] = [],
        [DeleteOutcomes] = [],
        [FailedCauses] = [],
    };

    private const string AccessExports = "every completed access exported all its subject's records and no one else's";
    private const string AccessUntouched = "no access deleted anything";
    private const string DeleteOutcomes = "every deletable record of a delete is reported deleted (gone) or failed with Zoho's code (still there)";
    private const string FailedCauses = "every failed request names its cause";

    /// <summary>Differences found so far, over every check.</summary>
    public int Violations { get; private set; }

    public void EveryRequestEnded(IReadOnlyDictionary<string, DsrStatusView> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        int ended = work.Count(w => done.TryGetValue(w.Request.RequestId!, out DsrStatusView? v) && v.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled);
        Add("every request ended", ended == work.Count, $"{ended} of {work.Count} completed, failed or canceled", work.Count - ended);
    }

    public void ReportEqualsTruth(SoakRequest request, DsrStatusView view)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(view);
        string id = request.Request.RequestId!;
        if (view.Status == DsrStatus.Failed && string.IsNullOrWhiteSpace(view.Error))
        {
            Differ(FailedCauses, $"{id} failed with no error");
        }

        if (request.Request.Type == DsrRequestType.Access)
        {
            CheckAccess(request, view);
        }
        else
        {
            CheckDelete(request, view);
        }
    }

    /// <summary>Per org and module: the records that are gone are exactly the delete subjects' records the simulator no longer has.</summary>
    public void NobodyElseTouched(IReadOnlyList<SoakOrg> orgs)
    {
        ArgumentNullException.ThrowIfNull(orgs);
        var differences = new List<string>();
        foreach (SoakOrg org in orgs)
        {
            foreach (string module in SoakOrg.Modules)
            {
                int gone = org.Before[module] - org.Bench.Org.Count(module);
                int subjectsGone = work
                    .Where(w => w.Org == org && w.Request.Type == DsrRequestType.Delete)
                    .Sum(w => w.Subject.IdsByModule.GetValueOrDefault(module)?.Count(rid => !org.Bench.Org.Exists(module, rid)) ?? 0);
                if (gone != subjectsGone)
                {
                    differences.Add($"{org.Bench.OrgId} {module}: {gone} records gone, {subjectsGone} of them the delete subjects'");
                }
            }
        }

        Add("no record of anyone else deleted", differences.Count == 0, Describe(differences, $"{orgs.Count} orgs x {SoakOrg.Modules.Count} modules counted before and after"), differences.Count);
    }

    public void NoPermitHeld(SoakOrg org, OrgRateGateState? gate)
    {
        ArgumentNullException.ThrowIfNull(org);
        int leases = gate?.Leases.Count ?? 0;
        int permits = gate?.Leases.Values.Sum(l => l.Permits) ?? 0;
        Add($"{org.Bench.OrgId}: no permit left held", leases == 0, $"{leases} leases holding {permits} permits", leases == 0 ? 0 : 1);
    }

    public void CreditsUnderBudget(SoakOrg org)
    {
        ArgumentNullException.ThrowIfNull(org);
        long budget = GateCap.DailyCreditBudget(org.Bench.Edition);
        long used = org.Bench.Org.Counters.CreditsUsed;
        Add($"{org.Bench.OrgId}: credits under the budget", used <= budget, string.Create(CultureInfo.InvariantCulture, $"{used:N0} credits used, budget {budget:N0} ({org.Bench.Edition}, 75% of the daily credits)"), used <= budget ? 0 : 1);
    }

    /// <summary>Writes the per-request checks gathered by <see cref="ReportEqualsTruth"/>.</summary>
    public void Summarise()
    {
        int requests = work.Count;
        foreach ((string name, List<string> differences) in _differences)
        {
            Add(name, differences.Count == 0, Describe(differences, $"{requests} requests checked"), differences.Count);
        }
    }

    private void CheckAccess(SoakRequest request, DsrStatusView view)
    {
        string id = request.Request.RequestId!;
        foreach ((string module, string rid) in request.Subject.All.Where(r => !request.Org.Bench.Org.Exists(r.Module, r.Id)))
        {
            Differ(AccessUntouched, $"{id}: {module} {rid} is gone");
        }

        if (view.Status != DsrStatus.Completed)
        {
            return;
        }

        string? location = view.Result?.ExportLocation;
        if (location is null || !File.Exists(location))
        {
            Differ(AccessExports, $"{id}: completed with no export file ({location ?? "no location"})");
            return;
        }

        HashSet<(string Module, string Id)> exported = ReadExport(location);
        foreach ((string module, string rid) in request.Subject.All.Where(r => !exported.Contains(r)))
        {
            Differ(AccessExports, $"{id}: {module} {rid} missing from the export");
        }

        foreach ((string module, string rid) in exported.Where(r => _owners.TryGetValue((request.Org.Bench.OrgId, r.Module, r.Id), out string? owner) && owner != id))
        {
            Differ(AccessExports, $"{id}: {module} {rid} of another subject in the export");
        }
    }

    private void CheckDelete(SoakRequest request, DsrStatusView view)
    {
        string id = request.Request.RequestId!;
        var outcomes = (view.Result?.Records ?? []).ToDictionary(r => (r.Module, r.RecordId), r => r);
        var deletable = request.Subject.In(LowerBound.DeletableModules);
        foreach ((string module, string rid) record in request.Subject.All)
        {
            bool exists = request.Org.Bench.Org.Exists(record.module, record.rid);
            string name = $"{id}: {record.module} {record.rid}";
            if (!deletable.Contains(record))
            {
                if (!exists)
                {
                    Differ(DeleteOutcomes, $"{name} is not deletable but is gone");
                }

                continue;
            }

            if (!outcomes.TryGetValue(record, out RecordOutcome? outcome))
            {
                // A request that failed before it found the record may leave it unreported, but never deleted.
                if (view.Status != DsrStatus.Failed || !exists)
                {
                    Differ(DeleteOutcomes, $"{name} not in the report ({view.Status}), {(exists ? "still there" : "gone")}");
                }

                continue;
            }

            switch (outcome.Outcome)
            {
                case RecordOutcomeKind.Deleted when exists:
                    Differ(DeleteOutcomes, $"{name} reported deleted but still there");
                    break;
                case RecordOutcomeKind.Failed when !exists:
                    Differ(DeleteOutcomes, $"{name} reported failed ({outcome.ZohoCode}) but gone");
                    break;
                case RecordOutcomeKind.Failed when string.IsNullOrEmpty(outcome.ZohoCode):
                    Differ(DeleteOutcomes, $"{name} reported failed with no code");
                    break;
                case RecordOutcomeKind.Failed when request.CaseLocked && record.module == "Cases" && outcome.ZohoCode != "RECORD_LOCKED":
                    Differ(DeleteOutcomes, $"{name} is locked but reported failed with {outcome.ZohoCode}");
                    break;
                case RecordOutcomeKind.Found or RecordOutcomeKind.NotFound:
                    Differ(DeleteOutcomes, $"{name} reported {outcome.Outcome} ({view.Status}), {(exists ? "still there" : "gone")}");
                    break;
            }
        }
    }

    private static HashSet<(string Module, string Id)> ReadExport(string path)
    {
        using JsonDocument export = JsonDocument.Parse(File.ReadAllBytes(path));
        var records = new HashSet<(string Module, string Id)>();
        foreach (JsonProperty module in export.RootElement.GetProperty("modules").EnumerateObject())
        {
            foreach (JsonElement record in module.Value.EnumerateArray())
            {
                records.Add((module.Name, record.GetProperty("id").GetString()!));
            }
        }

        return records;
    }

    private void Differ(string check, string difference) => _differences[check].Add(difference);

    private void Add(string name, bool passed, string detail, int differences)
    {
        Violations += differences;
        report.Check(name, passed, detail);
    }

    private static string Describe(List<string> differences, string scope) => differences.Count == 0
        ? scope + ", no difference"
        : $"{differences.Count} differences ({scope}), first: {string.Join("; ", differences.Take(Examples))}";
}

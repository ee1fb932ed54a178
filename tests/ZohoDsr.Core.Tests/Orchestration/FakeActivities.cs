using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>
/// Scripted activity results over a small in-memory org: what each module's search finds, which records hang off which
/// contact, how deletes answer per record, what verification still sees, throttles and failures per call.
/// </summary>
internal sealed class FakeActivities
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    public OrgProfile Profile { get; set; } = new()
    {
        OrgId = "org-1",
        PrivacySettings = true,
        ApiVersion = 8,
        ConcurrencyBudget = 4,
        CreditBudget = 100_000,
        ParentModules =
        [
            new ModuleProfile("Contacts", ["Email", "Secondary_Email"], []),
            new ModuleProfile("Leads", ["Email"], []),
            new ModuleProfile("Cases", ["Email"], []),
        ],
        RelatedModules = [new RelatedModuleProfile("Calls", null, "Who_Id"), new RelatedModuleProfile("Quotes", "Quotes", "Contact_Name")],
        DeletableModules = ["Contacts", "Leads", "Cases", "Calls", "Quotes"],
    };

    /// <summary>Module → record ids its search finds (exact matches, possibly with duplicates).</summary>
    public Dictionary<string, string[]> Found { get; } = new(StringComparer.Ordinal);

    /// <summary>Module → the gaps its FindInModule or FindRelated result reports (parts it could not search).</summary>
    public Dictionary<string, ModuleGap[]> FindGaps { get; } = new(StringComparer.Ordinal);

    /// <summary>Module → the mentions its FindInModule result reports (records holding the email only in free text).</summary>
    public Dictionary<string, Mention[]> FindMentions { get; } = new(StringComparer.Ordinal);

    /// <summary>Related module → contact id → record ids.</summary>
    public Dictionary<string, Dictionary<string, string[]>> Related { get; } = new(StringComparer.Ordinal);

    /// <summary>Record id → Zoho's per-record delete code other than SUCCESS (INVALID_DATA: gone; else a failure).</summary>
    public Dictionary<string, string> DeleteCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Record ids verification still finds even though Zoho reported them deleted.</summary>
    public HashSet<string> Survivors { get; } = new(StringComparer.Ordinal);

    /// <summary>Record ids the recycle bin purge fails for.</summary>
    public HashSet<string> PurgeFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>Decides per call whether Zoho throttles it: (activity, input, attempt of that same call) → throttle or null.</summary>
    public Func<string, object, int, ActivityThrottle?> Throttle { get; set; } = (_, _, _) => null;

    /// <summary>Decides per call whether the activity throws: (activity, input, attempt) → exception or null.</summary>
    public Func<string, object, int, Exception?> Fail { get; set; } = (_, _, _) => null;

    /// <summary>Decides per call whether a DeleteBatch stops with a fault no retry cures (returned in its result, as the runner does).</summary>
    public Func<string, object, int, ActivityFault?> Fault { get; set; } = (_, _, _) => null;

    public bool CallbackDelivered { get; set; } = true;

    /// <summary>Every call in order: activity name and input.</summary>
    public List<(string Name, object Input)> Calls { get; } = [];

    public List<WriteAuditInput> Audits { get; } = [];

    public IReadOnlyCollection<string> Deleted
    {
        get
        {
            lock (_lock)
            {
                return [.. _deleted];
            }
        }
    }

    public IEnumerable<T> InputsOf<T>(string name)
    {
        lock (_lock)
        {
            return Calls.Where(c => c.Name == name).Select(c => (T)c.Input).ToList();
        }
    }

    /// <summary>Answers one call synchronously (the scripted context's path).</summary>
    public object? Invoke(string name, object input)
    {
        int attempt;
        lock (_lock)
        {
            Calls.Add((name, input));
            var key = Key(name, input);
            attempt = Calls.Count(c => Key(c.Name, c.Input) == key);
        }

        if (Fail(name, input, attempt) is { } failure)
        {
            throw failure;
        }

        var throttle = Throttle(name, input, attempt);
        var fault = Fault(name, input, attempt);
        var spend = new ApiSpend(1, 2);
        lock (_lock)
        {
            return name switch
            {
                ActivityNames.ResolveOrg => throttle is null
                    ? Profile with { Spend = spend }
                    : new OrgProfile { OrgId = Profile.OrgId, Settings = Profile.Settings, Spend = spend, Throttled = throttle },
                ActivityNames.FindInModule => FindInModule((FindInModuleInput)input, throttle, spend),
                ActivityNames.FindRelated => FindRelated((FindRelatedInput)input, throttle, spend),
                ActivityNames.ExportRecords => Export((ExportRecordsInput)input, throttle, spend),
                ActivityNames.FinalizeExport => new FinalizeExportResult($"exports/{((FinalizeExportInput)input).RequestId}.json", ((FinalizeExportInput)input).PartNames.Count),
                ActivityNames.DeleteBatch => Delete((DeleteBatchInput)input, throttle, spend, fault),
                ActivityNames.VerifyDeleted => Verify((VerifyDeletedInput)input, throttle, spend),
                ActivityNames.PurgeRecycleBin => Purge((PurgeRecycleBinInput)input, throttle, spend),
                ActivityNames.WriteAudit => WriteAudit((WriteAuditInput)input),
                ActivityNames.SendCallback => new SendCallbackResult(CallbackDelivered, CallbackDelivered ? 200 : 500),
                ActivityNames.ReportOutcome => new ReportOutcomeResult(((ReportOutcomeInput)input).Records.Sum(r => r.Count)),
                _ => throw new InvalidOperationException($"Unknown activity {name}"),
            };
        }
    }

    /// <summary>A key identifying "the same call" across retries.</summary>
    public static string Key(string name, object input) => name + ":" + input switch
    {
        FindInModuleInput f => f.Module.Module,
        FindRelatedInput r => r.Module.Module + ":" + string.Join(",", r.ContactIds),
        ExportRecordsInput e => e.Module + ":" + e.Part,
        DeleteBatchInput d => d.Module + ":" + string.Join(",", d.RecordIds),
        VerifyDeletedInput v => v.Module + ":" + string.Join(",", v.RecordIds),
        PurgeRecycleBinInput p => string.Join(",", p.RecordIds),
        _ => string.Empty,
    };

    private FindRecordsResult FindInModule(FindInModuleInput input, ActivityThrottle? throttle, ApiSpend spend)
        => throttle is not null
            ? new FindRecordsResult(input.Module.Module, [], FindMethod.Search, 0) { Spend = spend, Throttled = throttle }
            : new FindRecordsResult(
                input.Module.Module,
                [.. Found.GetValueOrDefault(input.Module.Module, []).Where(id => !_deleted.Contains(id))],
                FindMethod.Coql,
                Found.GetValueOrDefault(input.Module.Module, []).Length + 1)
                {
                    Spend = spend,
                    Gaps = FindGaps.GetValueOrDefault(input.Module.Module, []),
                    Mentions = FindMentions.GetValueOrDefault(input.Module.Module, []),
                };

    private FindRecordsResult FindRelated(FindRelatedInput input, ActivityThrottle? throttle, ApiSpend spend)
    {
        if (throttle is not null)
        {
            return new FindRecordsResult(input.Module.Module, [], FindMethod.Lookup, 0) { Spend = spend, Throttled = throttle };
        }

        var byContact = Related.GetValueOrDefault(input.Module.Module) ?? [];
        var ids = input.ContactIds.SelectMany(c => byContact.GetValueOrDefault(c, [])).Where(id => !_deleted.Contains(id)).ToList();
        var method = FindMethods.Of(input.Module);
        if (input.Module.Module == "Activities")
        {
            // The pseudo-module: rows of Calls (k…) and Tasks (t…).
            var byModule = ids.GroupBy(id => id.StartsWith('k') ? "Calls" : "Tasks").ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g]);
            return new FindRecordsResult("Activities", ids, FindMethod.RelatedList, ids.Count) { Spend = spend, RecordIdsByModule = byModule };
        }

        return new FindRecordsResult(input.Module.Module, ids, method, ids.Count) { Spend = spend, Gaps = FindGaps.GetValueOrDefault(input.Module.Module, []) };
    }

    private ExportRecordsResult Export(ExportRecordsInput input, ActivityThrottle? throttle, ApiSpend spend)
        => throttle is not null
            ? new ExportRecordsResult(input.Module, string.Empty, 0, []) { Spend = spend, Throttled = throttle }
            : new ExportRecordsResult(input.Module, $"parts/{input.Module}-{input.Part}.json", input.RecordIds.Count, [.. input.RecordIds.Where(DeleteCodes.ContainsKey)]) { Spend = spend };

    private DeleteBatchResult Delete(DeleteBatchInput input, ActivityThrottle? throttle, ApiSpend spend, ActivityFault? fault)
    {
        if (input.RecordIds.Count > 100)
        {
            throw new InvalidOperationException("Zoho deletes at most 100 ids per call.");
        }

        if (fault is not null)
        {
            // The first records were answered before the fault (e.g. the refresh token revoked part-way).
            var answered = input.RecordIds.Take(DeletedBeforeThrottle).Select(id => DeleteOne(input.Module, id)).ToList();
            return new DeleteBatchResult(input.Module, answered) { Spend = spend, Fault = fault };
        }

        if (throttle is not null)
        {
            // Zoho answered the first records before the limit hit (e.g. while the handler confirmed an INVALID_DATA).
            var answered = input.RecordIds.Take(DeletedBeforeThrottle).Select(id => DeleteOne(input.Module, id)).ToList();
            return new DeleteBatchResult(input.Module, answered) { Spend = spend, Throttled = throttle };
        }

        return new DeleteBatchResult(input.Module, [.. input.RecordIds.Select(id => DeleteOne(input.Module, id))]) { Spend = spend };
    }

    /// <summary>How many ids a throttled delete call still answers before the limit hits. Default: none.</summary>
    public int DeletedBeforeThrottle { get; set; }

    private RecordOutcome DeleteOne(string module, string id)
    {
        if (DeleteCodes.TryGetValue(id, out var code))
        {
            return new RecordOutcome(module, id, code == "INVALID_DATA" ? RecordOutcomeKind.NotFound : RecordOutcomeKind.Failed, code);
        }

        lock (_lock)
        {
            // Like Zoho: deleting a record again answers INVALID_DATA, which the handler confirms as not found.
            return _deleted.Add(id)
                ? new RecordOutcome(module, id, RecordOutcomeKind.Deleted)
                : new RecordOutcome(module, id, RecordOutcomeKind.NotFound, "INVALID_DATA");
        }
    }

    private VerifyDeletedResult Verify(VerifyDeletedInput input, ActivityThrottle? throttle, ApiSpend spend)
        => new(input.Module, throttle is null ? [.. input.RecordIds.Where(Survivors.Contains)] : []) { Spend = spend, Throttled = throttle };

    private DeleteBatchResult Purge(PurgeRecycleBinInput input, ActivityThrottle? throttle, ApiSpend spend)
    {
        if (throttle is not null)
        {
            return new DeleteBatchResult("RecycleBin", []) { Spend = spend, Throttled = throttle };
        }

        var outcomes = input.RecordIds
            .Select(id => PurgeFailures.Contains(id)
                ? new RecordOutcome("RecycleBin", id, RecordOutcomeKind.Failed, "INVALID_DATA")
                : new RecordOutcome("RecycleBin", id, RecordOutcomeKind.Deleted))
            .ToList();
        return new DeleteBatchResult("RecycleBin", outcomes) { Spend = spend };
    }

    private WriteAuditResult WriteAudit(WriteAuditInput input)
    {
        Audits.Add(input);
        return new WriteAuditResult($"audit/{input.RequestId}.jsonl", input.Entries.Count);
    }
}

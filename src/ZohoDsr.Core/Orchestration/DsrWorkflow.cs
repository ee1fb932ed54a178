using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// One run of <see cref="DsrOrchestration"/>. Orchestration code: every wait, time, guid and call goes through the context;
/// collections are ordered (ordinal) so that a replay schedules the same calls in the same order. The engine runs the
/// continuations one at a time (Durable's single-threaded orchestrator), so the mutable state below needs no locks.
/// </summary>
internal sealed class DsrWorkflow
{
    /// <summary>Contact ids per FindRelated call.</summary>
    internal const int RelatedChunkSize = 50;

    /// <summary>Records per ExportRecords part.</summary>
    internal const int ExportChunkSize = 100;

    /// <summary>Zoho deletes at most 100 ids per call; the recycle bin purge and verification use the same batches.</summary>
    internal const int DeleteChunkSize = 100;

    /// <summary>Our code on a record that verification still found after Zoho reported it deleted or gone.</summary>
    internal const string StillPresentCode = "STILL_PRESENT";

    /// <summary>Zoho keeps soft-deleted records in the recycle bin for 60 days.</summary>
    internal static readonly TimeSpan RecycleBinRetention = TimeSpan.FromDays(60);

    /// <summary>The first API version with <c>/settings/recycle_bin</c>.</summary>
    internal const int RecycleBinApiVersion = 7;

    private readonly IDsrOrchestrationContext _context;
    private readonly DsrOrchestrationInput _input;
    private readonly ILogger _logger;
    private readonly List<AuditEntry> _audit = [];
    private readonly SortedDictionary<string, ModuleFindings> _modules = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, RecordOutcome>> _outcomes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<ModuleGap>> _gaps = new(StringComparer.Ordinal);
    private OrchestrationSettings _settings;
    private OrgProfile? _profile;
    private ApiSpend _spend = ApiSpend.None;
    private DateTime _startedAt;
    private string _phase = "resolve";
    private int _modulesDone;
    private string? _exportLocation;
    private bool _recycleBinPurged;

    public DsrWorkflow(IDsrOrchestrationContext context, DsrOrchestrationInput input)
    {
        _context = context;
        _input = input;
        _settings = input.Settings ?? OrchestrationSettings.Default;
        _logger = context.CreateReplaySafeLogger(typeof(DsrOrchestration).FullName!);
    }

    public async Task<DsrResult> RunAsync()
    {
        _startedAt = _context.CurrentUtcDateTime;
        Log.OrchestrationStarted(_logger, _input.RequestId, _input.OrgId, _context.InstanceId);
        SetStatus(DsrStatus.Running, "resolve");

        DsrResult result;
        try
        {
            result = await RunStepsAsync();
        }
        catch (DsrStepFailedException ex)
        {
            Audit("failure", null, 0, ex.Message);
            result = BuildResult(DsrStatus.Failed, ex.Message);
        }

        result = FailOnGaps(result);

        result = await WriteAuditAsync(result);
        result = await SendCallbackAsync(result);

        SetStatus(result.Status, "done");
        Log.OrchestrationFinished(_logger, _input.RequestId, _input.OrgId, result.Status.ToString());
        return result;
    }

    private async Task<DsrResult> RunStepsAsync()
    {
        var profile = await ResolveOrgAsync();
        await FindInParentModulesAsync(profile);
        await FindRelatedAsync(profile);

        return _input.Type == DsrRequestType.Access
            ? await ExportAsync()
            : await DeleteAsync(profile);
    }

    private async Task<OrgProfile> ResolveOrgAsync()
    {
        OrgProfile? profile = null;
        await FanOutAsync([_input.OrgId], async _ =>
        {
            profile = await CallZohoAsync<OrgProfile>(
                ActivityNames.ResolveOrg, new ResolveOrgInput(_input.OrgId, _input.RequestId, _input.Modules), module: null);
        });

        _profile = profile!;
        _settings = _input.Settings ?? _profile.Settings ?? OrchestrationSettings.Default;
        if (!_profile.PrivacySettings)
        {
            Log.OrchestrationPrivacySettingsOff(_logger, _input.RequestId, _input.OrgId);
        }

        foreach (var module in _profile.ParentModules.Select(m => m.Module).Concat(_profile.RelatedModules.Select(m => m.Module)))
        {
            if (!_modules.ContainsKey(module))
            {
                _modules[module] = new ModuleFindings();
            }
        }

        Audit("resolve", null, _modules.Count, _profile.PrivacySettings ? "privacy-settings-on" : "privacy-settings-off");
        AddGaps(_profile.Gaps);
        return _profile;
    }

    private async Task FindInParentModulesAsync(OrgProfile profile)
    {
        SetStatus(DsrStatus.Running, "find");
        var parents = Distinct(profile.ParentModules, m => m.Module);
        await FanOutAsync(parents, async module =>
        {
            var found = await CallZohoAsync<FindRecordsResult>(
                ActivityNames.FindInModule,
                new FindInModuleInput(_input.OrgId, _input.RequestId, module, _input.SubjectEmail),
                module.Module);
            AddFindings(module.Module, found);
            AddGaps(found.Gaps);
            _modulesDone++;
        });
    }

    private async Task FindRelatedAsync(OrgProfile profile)
    {
        SetStatus(DsrStatus.Running, "related");
        var related = Distinct(profile.RelatedModules, m => m.Module);
        var contactIds = _modules.TryGetValue("Contacts", out var contacts) ? contacts.Ids.ToList() : [];
        var calls = new List<(RelatedModuleProfile Module, IReadOnlyList<string> ContactIds)>();
        foreach (var module in related)
        {
            _modules[module.Module].Method ??= module.RelatedListApiName is null ? "lookup" : "related-list";
            calls.AddRange(Chunk(contactIds, RelatedChunkSize).Select(chunk => (module, chunk)));
        }

        var remaining = calls.GroupBy(c => c.Module.Module, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _modulesDone += related.Count - remaining.Count;

        await FanOutAsync(calls, async call =>
        {
            var found = await CallZohoAsync<FindRecordsResult>(
                ActivityNames.FindRelated,
                new FindRelatedInput(_input.OrgId, _input.RequestId, call.Module, call.ContactIds),
                call.Module.Module);
            AddFindings(call.Module.Module, found);
            AddGaps(found.Gaps);
            if (--remaining[call.Module.Module] == 0)
            {
                _modulesDone++;
            }
        });

        foreach (var (module, findings) in _modules)
        {
            Audit(findings.Method ?? "search", module, findings.Ids.Count, "found", recordIds: [.. findings.Ids]);
            var outcomes = OutcomesOf(module);
            foreach (var id in findings.Ids)
            {
                outcomes[id] = new RecordOutcome(module, id, RecordOutcomeKind.Found);
            }
        }
    }

    private async Task<DsrResult> ExportAsync()
    {
        SetStatus(DsrStatus.Running, "export");
        var parts = new List<(string Module, IReadOnlyList<string> Ids, int Part)>();
        foreach (var (module, findings) in _modules)
        {
            foreach (var chunk in Chunk(findings.Ids.ToList(), ExportChunkSize))
            {
                parts.Add((module, chunk, parts.Count + 1));
            }
        }

        var written = new ExportRecordsResult?[parts.Count];
        await FanOutAsync(Enumerable.Range(0, parts.Count).ToList(), async index =>
        {
            var (module, ids, part) = parts[index];
            written[index] = await CallZohoAsync<ExportRecordsResult>(
                ActivityNames.ExportRecords, new ExportRecordsInput(_input.OrgId, _input.RequestId, module, ids, part), module);
        });

        var partNames = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = written[i]!;
            partNames.Add(part.PartName);
            var module = parts[i].Module;
            foreach (var missing in part.MissingIds.Where(parts[i].Ids.Contains))
            {
                OutcomesOf(module)[missing] = new RecordOutcome(module, missing, RecordOutcomeKind.NotFound);
            }
        }

        var export = await CallAsync<FinalizeExportResult>(
            ActivityNames.FinalizeExport, new FinalizeExportInput(_input.OrgId, _input.RequestId, partNames), module: null, _settings.ActivityRetry);
        _exportLocation = export.Location;
        Audit("export", null, export.Records, "written");
        return BuildResult(DsrStatus.Completed, error: null);
    }

    private async Task<DsrResult> DeleteAsync(OrgProfile profile)
    {
        var deletable = new HashSet<string>(profile.DeletableModules, StringComparer.Ordinal);
        var selected = _input.Modules is null ? null : new HashSet<string>(_input.Modules, StringComparer.Ordinal);
        var toDelete = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (module, findings) in _modules)
        {
            if (findings.Ids.Count == 0)
            {
                continue;
            }

            if (deletable.Contains(module))
            {
                toDelete[module] = [.. findings.Ids];
                continue;
            }

            var kind = selected is not null && !selected.Contains(module) ? RecordOutcomeKind.SkippedNotSelected : RecordOutcomeKind.SkippedNotDeletable;
            foreach (var id in findings.Ids)
            {
                OutcomesOf(module)[id] = new RecordOutcome(module, id, kind);
            }

            Audit("skip", module, findings.Ids.Count, kind == RecordOutcomeKind.SkippedNotSelected ? "not-selected" : "not-deletable");
        }

        if (_input.DryRun)
        {
            foreach (var (module, ids) in toDelete)
            {
                Audit("dry-run", module, ids.Count, "would-delete", recordIds: ids);
            }

            return BuildResult(DsrStatus.Completed, error: null);
        }

        if (toDelete.Count == 0)
        {
            return BuildResult(DsrStatus.Completed, error: null);
        }

        if (_input.RequireApproval)
        {
            var rejected = await AwaitApprovalAsync();
            if (rejected is not null)
            {
                return rejected;
            }
        }

        await DeleteBatchesAsync(profile, toDelete);
        await VerifyAsync(toDelete);
        if (_input.PurgeRecycleBin)
        {
            await PurgeAsync(profile);
        }

        var failed = _outcomes.Values.SelectMany(o => o.Values).Where(r => r.Outcome == RecordOutcomeKind.Failed).ToList();
        if (failed.Count == 0)
        {
            return BuildResult(DsrStatus.Completed, error: null);
        }

        var codes = string.Join(", ", failed
            .GroupBy(r => r.ZohoCode ?? "UNKNOWN", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}"));
        return BuildResult(DsrStatus.Failed, $"{failed.Count} of {toDelete.Values.Sum(ids => ids.Count)} records not deleted ({codes})");
    }

    private async Task<DsrResult?> AwaitApprovalAsync()
    {
        var timeout = _settings.ApprovalTimeout;
        var deadline = new DateTimeOffset(_context.CurrentUtcDateTime + timeout, TimeSpan.Zero);
        SetStatus(DsrStatus.AwaitingApproval, "approval", deadline);
        Log.OrchestrationAwaitingApproval(_logger, _input.RequestId, _input.OrgId);

        var decision = await _context.WaitForExternalEventAsync<ApprovalDecision>(EventNames.Approval, timeout);
        if (!decision.Received)
        {
            Audit("approval", null, 0, "deadline-passed");
            return BuildResult(DsrStatus.Failed, "approval deadline passed");
        }

        if (decision.Payload is not { Approved: true })
        {
            Audit("approval", null, 0, "rejected");
            return BuildResult(DsrStatus.Canceled, "rejected");
        }

        Audit("approval", null, 0, "approved");
        return null;
    }

    private async Task DeleteBatchesAsync(OrgProfile profile, SortedDictionary<string, List<string>> toDelete)
    {
        SetStatus(DsrStatus.Running, "delete");
        _modulesDone = 0;
        var parents = profile.ParentModules.Select(m => m.Module).ToHashSet(StringComparer.Ordinal);
        var waves = toDelete.Keys
            .GroupBy(module => DeleteOrder.Rank(module, parents))
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(m => m, StringComparer.Ordinal).ToList())
            .ToList();

        foreach (var modules in waves)
        {
            var batches = modules.SelectMany(module => Chunk(toDelete[module], DeleteChunkSize).Select(ids => (Module: module, Ids: ids))).ToList();
            await FanOutAsync(batches, async batch =>
            {
                // A batch throttled part-way keeps what Zoho already answered and retries only the rest: re-sending a
                // record we deleted would come back INVALID_DATA and be misreported as "not found".
                var answered = new List<RecordOutcome>();
                var pending = batch.Ids;
                var result = await CallZohoAsync<DeleteBatchResult>(
                    ActivityNames.DeleteBatch,
                    new DeleteBatchInput(_input.OrgId, _input.RequestId, batch.Module, pending, _input.ReceivedAt),
                    batch.Module,
                    resumeWith: throttled =>
                    {
                        answered.AddRange(throttled.Outcomes);
                        var done = throttled.Outcomes.Select(o => o.RecordId).ToHashSet(StringComparer.Ordinal);
                        pending = [.. pending.Where(id => !done.Contains(id))];
                        return pending.Count == 0 ? null : new DeleteBatchInput(_input.OrgId, _input.RequestId, batch.Module, pending, _input.ReceivedAt);
                    });
                ApplyDeleteOutcomes(batch.Module, batch.Ids, [.. answered, .. result.Outcomes]);
            });

            _modulesDone += modules.Count;
            foreach (var module in modules)
            {
                var outcomes = OutcomesOf(module).Values.ToList();
                var deleted = outcomes.Where(o => o.Outcome == RecordOutcomeKind.Deleted).Select(o => o.RecordId).ToList();
                Audit("delete", module, deleted.Count, "deleted", recordIds: deleted);
                var notFound = outcomes.Where(o => o.Outcome == RecordOutcomeKind.NotFound).Select(o => o.RecordId).ToList();
                if (notFound.Count > 0)
                {
                    Audit("delete", module, notFound.Count, "not-found", "INVALID_DATA", notFound);
                }

                foreach (var failure in outcomes.Where(o => o.Outcome == RecordOutcomeKind.Failed).GroupBy(o => o.ZohoCode, StringComparer.Ordinal))
                {
                    var ids = failure.Select(o => o.RecordId).ToList();
                    Audit("delete", module, ids.Count, "failed", failure.Key, ids);
                }
            }

            SetStatus(DsrStatus.Running, "delete");
        }
    }

    private void ApplyDeleteOutcomes(string module, IReadOnlyList<string> ids, IReadOnlyList<RecordOutcome> reported)
    {
        var byId = new Dictionary<string, RecordOutcome>(StringComparer.Ordinal);
        foreach (var outcome in reported)
        {
            byId.TryAdd(outcome.RecordId, outcome);
        }

        var outcomes = OutcomesOf(module);
        foreach (var id in ids)
        {
            outcomes[id] = byId.TryGetValue(id, out var outcome) && outcome.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound or RecordOutcomeKind.Failed
                ? new RecordOutcome(module, id, outcome.Outcome, outcome.ZohoCode)
                : new RecordOutcome(module, id, RecordOutcomeKind.Failed, outcome?.ZohoCode);
        }
    }

    private async Task VerifyAsync(SortedDictionary<string, List<string>> toDelete)
    {
        SetStatus(DsrStatus.Running, "verify");
        var checks = new List<(string Module, IReadOnlyList<string> Ids)>();
        foreach (var module in toDelete.Keys)
        {
            var gone = OutcomesOf(module).Values
                .Where(o => o.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound)
                .Select(o => o.RecordId)
                .ToList();
            checks.AddRange(Chunk(gone, DeleteChunkSize).Select(ids => (module, ids)));
        }

        var stillPresent = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await FanOutAsync(checks, async check =>
        {
            var result = await CallZohoAsync<VerifyDeletedResult>(
                ActivityNames.VerifyDeleted, new VerifyDeletedInput(_input.OrgId, _input.RequestId, check.Module, check.Ids), check.Module);
            var outcomes = OutcomesOf(check.Module);
            foreach (var id in result.StillPresentIds.Where(check.Ids.Contains))
            {
                outcomes[id] = new RecordOutcome(check.Module, id, RecordOutcomeKind.Failed, StillPresentCode);
                stillPresent[check.Module] = stillPresent.GetValueOrDefault(check.Module) + 1;
            }
        });

        foreach (var module in toDelete.Keys)
        {
            var count = stillPresent.GetValueOrDefault(module);
            Audit("verify", module, count, count == 0 ? "verified" : "still-present", count == 0 ? null : StillPresentCode);
        }
    }

    private async Task PurgeAsync(OrgProfile profile)
    {
        var deleted = _outcomes.Values
            .SelectMany(o => o.Values)
            .Where(o => o.Outcome == RecordOutcomeKind.Deleted)
            .Select(o => o.RecordId)
            .ToHashSet(StringComparer.Ordinal);

        // A record reported "not found" may be one our own delete removed before a retry re-sent it (Zoho then answers
        // INVALID_DATA): purge those too, best effort; only the ones we know we deleted decide "purged".
        var candidates = _outcomes.Values
            .SelectMany(o => o.Values)
            .Where(o => o.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound)
            .Select(o => o.RecordId)
            .ToList();
        if (profile.ApiVersion < RecycleBinApiVersion)
        {
            Audit("purge", null, 0, "not-supported");
            return;
        }

        if (candidates.Count == 0)
        {
            return;
        }

        SetStatus(DsrStatus.Running, "purge");
        var allPurged = true;
        var purged = 0;
        await FanOutAsync(Chunk(candidates, DeleteChunkSize).ToList(), async ids =>
        {
            var result = await CallZohoAsync<DeleteBatchResult>(
                ActivityNames.PurgeRecycleBin, new PurgeRecycleBinInput(_input.OrgId, _input.RequestId, ids), module: null);
            var ok = result.Outcomes.Where(o => o.Outcome == RecordOutcomeKind.Deleted).Select(o => o.RecordId).ToHashSet(StringComparer.Ordinal);
            purged += ids.Count(ok.Contains);
            allPurged &= ids.Where(deleted.Contains).All(ok.Contains);
        });

        _recycleBinPurged = allPurged;
        Audit("purge", null, purged, allPurged ? "purged" : "partly-purged");
    }

    private async Task<DsrResult> WriteAuditAsync(DsrResult result)
    {
        try
        {
            await CallAsync<WriteAuditResult>(
                ActivityNames.WriteAudit, new WriteAuditInput(_input.OrgId, _input.RequestId, [.. _audit]) { SubjectEmail = _input.SubjectEmail }, module: null, _settings.ActivityRetry);
            _audit.Clear();
            return result;
        }
        catch (DsrStepFailedException ex)
        {
            return result with { Status = DsrStatus.Failed, Error = result.Error is null ? ex.Message : $"{result.Error}; {ex.Message}" };
        }
    }

    private async Task<DsrResult> SendCallbackAsync(DsrResult result)
    {
        if (_input.CallbackUrl is null)
        {
            return result;
        }

        SendCallbackResult? sent = null;
        try
        {
            sent = await CallAsync<SendCallbackResult>(
                ActivityNames.SendCallback, new SendCallbackInput(_input.CallbackUrl, result), module: null, _settings.CallbackRetry);
        }
        catch (DsrStepFailedException)
        {
            // A callback that cannot be delivered does not fail the request: it is recorded, and the status stays pollable.
        }

        var delivered = sent is { Delivered: true };
        if (!delivered)
        {
            Log.OrchestrationCallbackFailed(_logger, _input.RequestId, _input.OrgId);
        }

        Audit("callback", null, 1, delivered ? "delivered" : "failed", sent is null ? null : $"HTTP {sent.StatusCode}");
        result = result with { CallbackDelivered = delivered };
        try
        {
            await CallAsync<WriteAuditResult>(
                ActivityNames.WriteAudit, new WriteAuditInput(_input.OrgId, _input.RequestId, [.. _audit]) { SubjectEmail = _input.SubjectEmail }, module: null, _settings.ActivityRetry);
            _audit.Clear();
        }
        catch (DsrStepFailedException ex)
        {
            result = result with { Error = result.Error is null ? ex.Message : $"{result.Error}; {ex.Message}" };
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="run"/> for every item in waves: each wave asks the org's gate for permits first (waiting on a
    /// durable timer when refused), runs as many items at once as granted, then returns the permits with the credits spent.
    /// </summary>
    private async Task FanOutAsync<TItem>(IReadOnlyList<TItem> items, Func<TItem, Task> run)
    {
        var next = 0;
        while (next < items.Count)
        {
            var granted = await AcquirePermitsAsync(items.Count - next);
            var creditsBefore = _spend.Credits;
            var wave = new List<Task>(granted);
            for (var i = next; i < next + granted; i++)
            {
                wave.Add(run(items[i]));
            }

            try
            {
                await Task.WhenAll(wave);
            }
            finally
            {
                await _context.ReleasePermitsAsync(
                    _input.OrgId, new GateReleaseRequest(_context.InstanceId, _context.CurrentUtcDateTime, _spend.Credits - creditsBefore));
            }

            next += granted;
            SetStatus(DsrStatus.Running, _phase);
        }
    }

    private async Task<int> AcquirePermitsAsync(int wanted)
    {
        var capacity = _profile?.ConcurrencyBudget ?? 0;
        if (capacity > 0)
        {
            wanted = Math.Min(wanted, capacity);
        }

        while (true)
        {
            var now = _context.CurrentUtcDateTime;
            var grant = await _context.AcquirePermitsAsync(
                _input.OrgId,
                new GateAcquireRequest(_context.InstanceId, wanted, _settings.GateLease, now, capacity, _profile?.CreditBudget ?? 0, EstimatedCredits: wanted));
            if (grant.Granted > 0)
            {
                return Math.Min(grant.Granted, wanted);
            }

            Log.OrchestrationGateRefused(_logger, _input.RequestId, _input.OrgId, grant.Reason ?? "unknown");
            var retryAt = grant.RetryAt is { } at && at > now ? at : now + OrgRateGate.PollInterval;
            await _context.CreateTimer(retryAt, CancellationToken.None);
        }
    }

    /// <summary>
    /// Calls a Zoho-calling activity; a throttled result waits on a durable timer (deterministic full jitter) and retries.
    /// <paramref name="resumeWith"/> turns a throttled result into the input of the retry (the part still to do), or null
    /// when nothing is left; without it the same input is retried.
    /// </summary>
    private async Task<TResult> CallZohoAsync<TResult>(string activity, object input, string? module, Func<TResult, object?>? resumeWith = null)
        where TResult : class, IZohoActivityResult
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await CallAsync<TResult>(activity, input, module, _settings.ActivityRetry);
            _spend += result.Spend ?? ApiSpend.None;
            if (result is OrgProfile { Settings: { } orgSettings } && _input.Settings is null)
            {
                _settings = orgSettings; // even a throttled ResolveOrg brings the configured backoff
            }

            if (result.Throttled is not { } throttled)
            {
                return result;
            }

            Log.OrchestrationThrottled(_logger, _input.RequestId, _input.OrgId, module ?? "-", throttled.ZohoCode ?? "-");
            if (resumeWith is not null)
            {
                if (resumeWith(result) is not { } remaining)
                {
                    return result;
                }

                input = remaining;
            }

            if (attempt >= _settings.ThrottleMaxAttempts)
            {
                throw DsrStepFailedException.Throttled(activity, module, attempt, throttled.ZohoCode);
            }

            var delay = ThrottleBackoff.Compute(attempt, _context.NewGuid(), throttled.RetryAfter, _settings.ThrottleBaseDelay, _settings.ThrottleMaxDelay);
            await _context.CreateTimer(_context.CurrentUtcDateTime + delay, CancellationToken.None);
        }
    }

    private async Task<TResult> CallAsync<TResult>(string activity, object input, string? module, ActivityRetryPolicy retry)
        where TResult : class
    {
        TResult? result;
        try
        {
            result = await _context.CallActivityAsync<TResult>(activity, input, retry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DsrStepFailedException)
        {
            Log.OrchestrationActivityFailed(_logger, _input.RequestId, _input.OrgId, module ?? "-", ex.GetType().Name);
            throw DsrStepFailedException.ActivityFailed(activity, module);
        }

        return result ?? throw DsrStepFailedException.NoResult(activity, module);
    }

    private void AddFindings(string module, FindRecordsResult found)
    {
        FindingsOf(module).Method = found.Method;
        if (found.RecordIdsByModule is { } byModule)
        {
            // A pseudo-module (Activities): its rows belong to real modules, which alone can be exported and deleted.
            foreach (var (realModule, ids) in byModule.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var findings = FindingsOf(realModule);
                findings.Method ??= found.Method;
                AddIds(findings, ids);
            }

            return;
        }

        AddIds(FindingsOf(module), found.RecordIds);
    }

    /// <summary>
    /// Records modules that could not be fully searched (once per reason): each is reported as <c>unsearched</c> and the
    /// request cannot complete. They are audited at the end, in module order, so that the audit does not depend on the
    /// order in which parallel calls finished.
    /// </summary>
    private void AddGaps(IReadOnlyList<ModuleGap>? gaps)
    {
        foreach (var gap in gaps ?? [])
        {
            if (!_gaps.TryGetValue(gap.Module, out var known))
            {
                known = [];
                _gaps[gap.Module] = known;
            }

            if (known.Contains(gap))
            {
                continue;
            }

            known.Add(gap);
        }
    }

    /// <summary>A request with modules not fully searched fails, naming them (module and reason only; no personal data).</summary>
    private DsrResult FailOnGaps(DsrResult result)
    {
        foreach (var gap in _gaps.Values.SelectMany(g => g))
        {
            Audit("gap", gap.Module, 0, "unsearched", gap.ZohoCode);
        }

        if (_gaps.Count == 0 || result.Status is not (DsrStatus.Completed or DsrStatus.Failed))
        {
            return result;
        }

        var described = string.Join("; ", _gaps.Select(g => $"{g.Key} ({string.Join(", ", g.Value.Select(gap => gap.ZohoCode is null ? gap.Reason : $"{gap.Reason}, {gap.ZohoCode}"))})"));
        var message = $"{_gaps.Count} module(s) could not be fully searched: {described}";
        Audit("failure", null, _gaps.Count, "unsearched-modules");
        return result with
        {
            Status = DsrStatus.Failed,
            Error = result.Error is null ? message : $"{result.Error}; {message}",
        };
    }

    private ModuleFindings FindingsOf(string module)
    {
        if (!_modules.TryGetValue(module, out var findings))
        {
            findings = new ModuleFindings();
            _modules[module] = findings;
        }

        return findings;
    }

    private static void AddIds(ModuleFindings findings, IReadOnlyList<string>? ids)
    {
        foreach (var id in ids ?? [])
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                findings.Ids.Add(id);
            }
        }
    }

    private SortedDictionary<string, RecordOutcome> OutcomesOf(string module)
    {
        if (!_outcomes.TryGetValue(module, out var outcomes))
        {
            outcomes = new SortedDictionary<string, RecordOutcome>(StringComparer.Ordinal);
            _outcomes[module] = outcomes;
        }

        return outcomes;
    }

    private void Audit(string action, string? module, int count, string outcome, string? zohoCode = null, IReadOnlyList<string>? recordIds = null)
        => _audit.Add(new AuditEntry(new DateTimeOffset(_context.CurrentUtcDateTime, TimeSpan.Zero), action, module, count, outcome, zohoCode, recordIds));

    private void SetStatus(DsrStatus status, string phase, DateTimeOffset? approvalDeadline = null)
    {
        _phase = phase;
        var records = _outcomes.Values.SelectMany(o => o.Values).ToList();
        _context.SetCustomStatus(new DsrProgress(
            status,
            phase,
            _modulesDone,
            _modules.Count,
            _modules.Values.Sum(m => m.Ids.Count),
            records.Count(r => r.Outcome == RecordOutcomeKind.Deleted),
            records.Count(r => r.Outcome == RecordOutcomeKind.Failed),
            approvalDeadline));
    }

    private DsrResult BuildResult(DsrStatus status, string? error)
    {
        var completedAt = new DateTimeOffset(_context.CurrentUtcDateTime, TimeSpan.Zero);
        var modules = new List<ModuleOutcome>();
        var records = new List<RecordOutcome>();
        foreach (var (module, findings) in _modules)
        {
            var outcomes = _outcomes.TryGetValue(module, out var o) ? o.Values.ToList() : [];
            records.AddRange(outcomes);
            modules.Add(new ModuleOutcome(
                module,
                findings.Method ?? "search",
                findings.Ids.Count,
                outcomes.Count(r => r.Outcome == RecordOutcomeKind.Deleted),
                outcomes.Count(r => r.Outcome == RecordOutcomeKind.NotFound),
                outcomes.Count(r => r.Outcome == RecordOutcomeKind.Failed),
                outcomes.Count(r => r.Outcome is RecordOutcomeKind.SkippedNotDeletable or RecordOutcomeKind.SkippedNotSelected)));
        }

        foreach (var module in _gaps.Keys.Where(m => !_modules.ContainsKey(m)))
        {
            modules.Add(new ModuleOutcome(module, "unsearched", 0, 0, 0, 0, 0));
        }

        modules.Sort((a, b) => string.CompareOrdinal(a.Module, b.Module));
        return new DsrResult
        {
            RequestId = _input.RequestId,
            OrgId = _input.OrgId,
            Type = _input.Type,
            Status = status,
            DryRun = _input.DryRun,
            Modules = modules,
            Records = records,
            ExportLocation = _exportLocation,
            RecycleBinRetainedUntil = records.Any(r => r.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound) ? completedAt + RecycleBinRetention : null,
            RecycleBinPurged = _recycleBinPurged,
            StartedAt = new DateTimeOffset(_startedAt, TimeSpan.Zero),
            CompletedAt = completedAt,
            ApiCalls = _spend.Calls,
            CreditsUsed = _spend.Credits,
            PrivacySettings = _profile?.PrivacySettings,
            Error = error,
        };
    }

    private static List<T> Distinct<T>(IReadOnlyList<T> items, Func<T, string> key)
        => items.GroupBy(key, StringComparer.Ordinal).Select(g => g.First()).OrderBy(key, StringComparer.Ordinal).ToList();

    private static IEnumerable<IReadOnlyList<string>> Chunk(IReadOnlyList<string> ids, int size)
        => ids.Chunk(size).Select(chunk => (IReadOnlyList<string>)chunk);

    private sealed class ModuleFindings
    {
        public string? Method { get; set; }

        public SortedSet<string> Ids { get; } = new(StringComparer.Ordinal);
    }
}

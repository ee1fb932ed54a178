using System.Globalization;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// The state of one run of <see cref="DsrOrchestration"/>, shared by its phases. Orchestration code: time and ids come only
/// from the context, collections are ordered (ordinal). The engine runs the continuations one at a time (Durable's
/// single-threaded orchestrator), so the state needs no locks.
/// </summary>
internal sealed class DsrRun
{
    /// <summary>Zoho keeps soft-deleted records in the recycle bin for 60 days.</summary>
    public static readonly TimeSpan RecycleBinRetention = TimeSpan.FromDays(60);

    private readonly List<AuditEntry> _audit = [];
    private int _calls;

    public DsrRun(IDsrOrchestrationContext context, DsrOrchestrationInput input)
    {
        Context = context;
        Input = input;
        Settings = input.Settings ?? OrchestrationSettings.Default;
        Logger = context.CreateReplaySafeLogger(typeof(DsrOrchestration).FullName!);
        StartedAt = context.CurrentUtcDateTime;
    }

    public IDsrOrchestrationContext Context { get; }

    public DsrOrchestrationInput Input { get; }

    public ILogger Logger { get; }

    public DateTime StartedAt { get; }

    /// <summary>The input's settings, else the org profile's (even a throttled ResolveOrg brings them), else the defaults.</summary>
    public OrchestrationSettings Settings { get; set; }

    /// <summary>The org as resolved; null until ResolveOrg answered.</summary>
    public OrgProfile? Profile { get; set; }

    /// <summary>What the run's Zoho calls spent so far.</summary>
    public ApiSpend Spend { get; set; } = ApiSpend.None;

    public DsrFindings Findings { get; } = new();

    /// <summary>Modules done in the current phase (progress).</summary>
    public int ModulesDone { get; set; }

    public string Phase { get; private set; } = DsrPhases.Resolve;

    public string? ExportLocation { get; set; }

    public bool RecycleBinPurged { get; set; }

    /// <summary>Why the request failed (a <see cref="Telemetry.DsrErrorTypes"/> value): the first reason given, for the metrics.</summary>
    public string? ErrorType { get; private set; }

    /// <summary>Gives the reason of a failure; the first one given stays.</summary>
    public void FailedBecause(string errorType) => ErrorType ??= errorType;

    /// <summary>
    /// The key of the next activity call (<see cref="ActivityInput.CallId"/>): <c>{instanceId}:{n}</c>, n counting calls
    /// in the order the run schedules them, which a replay repeats.
    /// </summary>
    public string NextCallId() => string.Create(CultureInfo.InvariantCulture, $"{Context.InstanceId}:{++_calls}");

    /// <summary>Adds one of the orchestration's own audit lines (what it alone decided), written at the end by WriteAudit.</summary>
    public void Audit(string action, string? module, int count, string outcome, string? zohoCode = null, IReadOnlyList<string>? recordIds = null)
        => _audit.Add(new AuditEntry(Now, action, module, count, outcome, zohoCode, recordIds, Writer: OrchestrationNames.DsrOrchestration));

    /// <summary>The audit lines not written yet; they are written once the WriteAudit call returns (<see cref="AuditWritten"/>).</summary>
    public IReadOnlyList<AuditEntry> PendingAudit => [.. _audit];

    public void AuditWritten() => _audit.Clear();

    /// <summary>Publishes progress in <paramref name="phase"/>.</summary>
    public void SetStatus(DsrStatus status, string phase, DateTimeOffset? approvalDeadline = null)
    {
        Phase = phase;
        List<RecordOutcome> records = [.. Findings.Outcomes];
        Context.SetCustomStatus(new DsrProgress(
            status,
            phase,
            ModulesDone,
            Findings.Modules.Count,
            Findings.RecordsFound,
            records.Count(r => r.Outcome == RecordOutcomeKind.Deleted),
            records.Count(r => r.Outcome == RecordOutcomeKind.Failed),
            approvalDeadline));
    }

    /// <summary>The request's result as things stand.</summary>
    public DsrResult Result(DsrStatus status, string? error)
    {
        DateTimeOffset completedAt = Now;
        var modules = new List<ModuleOutcome>();
        var records = new List<RecordOutcome>();
        foreach ((string module, ModuleFindings findings) in Findings.Modules)
        {
            IReadOnlyList<RecordOutcome> outcomes = Findings.OutcomesIn(module);
            records.AddRange(outcomes);
            modules.Add(new ModuleOutcome(
                module,
                FindMethods.Name(findings.Method ?? FindMethod.Search),
                findings.Ids.Count,
                outcomes.Count(r => r.Outcome == RecordOutcomeKind.Deleted),
                outcomes.Count(r => r.Outcome == RecordOutcomeKind.NotFound),
                outcomes.Count(r => r.Outcome == RecordOutcomeKind.Failed),
                outcomes.Count(r => r.Outcome is RecordOutcomeKind.SkippedNotDeletable or RecordOutcomeKind.SkippedNotSelected)));
        }

        foreach (string module in Findings.Gaps.Keys.Where(m => !Findings.Modules.ContainsKey(m)))
        {
            modules.Add(new ModuleOutcome(module, FindMethods.Unsearched, 0, 0, 0, 0, 0));
        }

        modules.Sort((a, b) => string.CompareOrdinal(a.Module, b.Module));
        return new DsrResult
        {
            RequestId = Input.RequestId,
            OrgId = Input.OrgId,
            Type = Input.Type,
            Status = status,
            DryRun = Input.DryRun,
            Modules = modules,
            Records = records,
            Mentions = [.. Findings.Mentions.Values],
            ExportLocation = ExportLocation,
            RecycleBinRetainedUntil = records.Any(r => r.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound) ? completedAt + RecycleBinRetention : null,
            RecycleBinPurged = RecycleBinPurged,
            StartedAt = new DateTimeOffset(StartedAt, TimeSpan.Zero),
            CompletedAt = completedAt,
            ApiCalls = Spend.Calls,
            CreditsUsed = Spend.Credits,
            PrivacySettings = Profile?.PrivacySettings,
            Error = error,
        };
    }

    private DateTimeOffset Now => new(Context.CurrentUtcDateTime, TimeSpan.Zero);
}

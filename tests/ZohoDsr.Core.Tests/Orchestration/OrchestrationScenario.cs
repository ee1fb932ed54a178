using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Replay;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>
/// The small org and the requests the workflow's phase tests run against a scripted context. Every run is recorded and
/// replayed (<see cref="RecordAndReplay"/>): the replay must issue the same operations with the same inputs and end with
/// the same result.
/// </summary>
internal static class OrchestrationScenario
{
    public const string Subject = "ada.lovelace@example.com";

    public static readonly DateTime Start = ScriptedOrchestrationContext.Start;

    public static readonly OrchestrationSettings Settings = new()
    {
        ApprovalTimeout = TimeSpan.FromHours(2),
        ThrottleBaseDelay = TimeSpan.FromSeconds(4),
        ThrottleMaxDelay = TimeSpan.FromSeconds(60),
        ThrottleMaxAttempts = 5,
        GateLease = TimeSpan.FromMinutes(3),
        ActivityRetry = new ActivityRetryPolicy(3, TimeSpan.FromSeconds(1)),
        CallbackRetry = new ActivityRetryPolicy(4, TimeSpan.FromSeconds(2)),
    };

    /// <summary>Contacts c1, c2 (c1 found twice); Leads l1; Cases none; Calls k1, k2 (c1) and k3 (c2); Quotes q1 (c2).</summary>
    public static FakeActivities Org()
    {
        var org = new FakeActivities { Profile = new FakeActivities().Profile with { Settings = Settings } };
        org.Found["Contacts"] = ["c1", "c2", "c1"];
        org.Found["Leads"] = ["l1"];
        org.Related["Calls"] = new() { ["c1"] = ["k1", "k2"], ["c2"] = ["k3"] };
        org.Related["Quotes"] = new() { ["c2"] = ["q1"] };
        return org;
    }

    public static DsrOrchestrationInput Input(DsrRequestType type, bool dryRun = false, bool approval = false, bool purge = false, IReadOnlyList<string>? modules = null, Uri? callback = null) => new()
    {
        RequestId = "req-1",
        OrgId = "org-1",
        Type = type,
        SubjectEmail = Subject,
        DryRun = dryRun,
        RequireApproval = approval,
        PurgeRecycleBin = purge,
        Modules = modules,
        CallbackUrl = callback,
        ReceivedAt = new DateTimeOffset(Start.AddMinutes(-1), TimeSpan.Zero),
    };

    public static async Task<(DsrResult Result, ScriptedOrchestrationContext Context)> RunAsync(FakeActivities org, DsrOrchestrationInput input, Action<ScriptedOrchestrationContext>? setup = null)
    {
        var context = new ScriptedOrchestrationContext(org);
        setup?.Invoke(context);
        var result = await RecordAndReplay.RunAsync(context, input);
        return (result, context);
    }

    public static IEnumerable<string> Ids(DsrResult result, RecordOutcomeKind kind)
        => result.Records.Where(r => r.Outcome == kind).Select(r => $"{r.Module}/{r.RecordId}");

    /// <summary>The orchestration's own audit lines (those it sent to WriteAudit).</summary>
    public static IEnumerable<AuditEntry> OrchestrationAudit(FakeActivities org) => org.Audits.SelectMany(a => a.Entries);

    /// <summary>Calls of every activity that calls Zoho (all but FinalizeExport, WriteAudit and SendCallback).</summary>
    public static int ZohoCalls(FakeActivities org)
        => org.Calls.Count(c => c.Name is not (ActivityNames.FinalizeExport or ActivityNames.WriteAudit or ActivityNames.SendCallback or ActivityNames.ReportOutcome));

    /// <summary>A throttle as an activity reports Zoho's 429: no Retry-After (Zoho sends none).</summary>
    public static ActivityThrottle TooManyRequests => new(null, "TOO_MANY_REQUESTS");
}

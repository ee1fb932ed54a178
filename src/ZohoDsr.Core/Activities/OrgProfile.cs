using System.Text.Json.Serialization;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>The org resolved for one request: GDPR setting, API version, budgets, and the modules to work on.</summary>
public sealed record OrgProfile : ZohoActivityResult
{
    public required string OrgId { get; init; }
    public bool PrivacySettings { get; init; }

    /// <summary>2 or 8.</summary>
    public int ApiVersion { get; init; }

    /// <summary>Whether the API version has the recycle-bin purge (<c>/settings/recycle_bin</c>, v7 and later).</summary>
    [JsonIgnore]
    public bool CanPurgeRecycleBin => ApiVersion >= 7;

    /// <summary>Calls in flight allowed for this org (the edition's concurrency × the budget fraction).</summary>
    public int ConcurrencyBudget { get; init; }

    /// <summary>
    /// COQL/Search calls in flight allowed for this org (Zoho's sub-concurrency of "complex" calls, 10 per org, × the
    /// budget fraction); 0 when unknown (then only <see cref="ConcurrencyBudget"/> bounds them).
    /// </summary>
    public int SubConcurrencyBudget { get; init; }

    /// <summary>Credits per rolling 24 hours allowed (the edition's × the budget fraction).</summary>
    public long CreditBudget { get; init; }

    public IReadOnlyList<ModuleProfile> ParentModules { get; init; } = [];
    public IReadOnlyList<RelatedModuleProfile> RelatedModules { get; init; } = [];

    /// <summary>
    /// Activity modules (Calls, Tasks, Events) searched for records whose <c>What_Id</c> is a matched lead
    /// (<see cref="Configuration.DsrOptions.FindLeadActivities"/>); empty when Leads is not searched.
    /// </summary>
    public IReadOnlyList<string> LeadActivityModules { get; init; } = [];

    /// <summary>Whether the notes of every matched record are searched (<see cref="Configuration.DsrOptions.IncludeNotes"/>).</summary>
    public bool FindNotes { get; init; }

    /// <summary>Modules this request may delete from: the deletable list ∩ the request's selection.</summary>
    public IReadOnlyList<string> DeletableModules { get; init; } = [];

    /// <summary>Modules found but not deletable, or not selected: reported as skipped.</summary>
    public IReadOnlyList<string> NotDeletableModules { get; init; } = [];

    /// <summary>Modules that could not be resolved (not accessible, no contact lookup): they were not searched.</summary>
    public IReadOnlyList<ModuleGap> Gaps { get; init; } = [];

    /// <summary>
    /// The orchestration's settings from <c>DsrOptions</c> (<see cref="OrchestrationSettings.FromOptions"/>): approval
    /// timeout, throttle backoff, gate lease, retries. The orchestration cannot read configuration itself.
    /// </summary>
    public OrchestrationSettings Settings { get; init; } = OrchestrationSettings.Default;
}

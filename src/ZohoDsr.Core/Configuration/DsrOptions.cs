namespace ZohoDsr.Core.Configuration;

/// <summary>
/// The product's settings (section <c>ZohoDsr</c>). Per-org module lists may override the defaults under
/// <c>Zoho:Orgs:{orgId}:ParentModules</c>, <c>:RelatedModules</c>, <c>:DeletableModules</c>.
/// Secrets (the webhook signing secret) arrive as configuration resolved from Key Vault references in Azure.
/// </summary>
public sealed class DsrOptions
{
    public const string SectionName = "ZohoDsr";

    /// <summary>Where the subject is searched: parent modules (Search/COQL by email).</summary>
    public List<string> ParentModules { get; set; } = ["Contacts", "Leads", "Cases"];

    /// <summary>
    /// Modules whose records belong to the subject through a matched contact's id: the seed's list, and Deals (a deal's
    /// <c>Contact_Name</c>).
    /// </summary>
    public List<string> RelatedModules { get; set; } = ["Activities", "Calls", "Quotes", "Invoices", "Purchase_Orders", "Sales_Orders", "Tasks", "Deals"];

    /// <summary>
    /// Whether the activities (Calls, Tasks, Events among <see cref="RelatedModules"/>) linked to a matched lead are the
    /// subject's too: <c>What_Id</c> is the lead (<c>$se_module = Leads</c>), found by COQL on <c>What_Id</c> (1 call per
    /// activity module per 50 leads). Default: true.
    /// </summary>
    public bool FindLeadActivities { get; set; } = true;

    /// <summary>Modules a delete request may delete from: the seed's list, and Notes (deleted before their parents).</summary>
    public List<string> DeletableModules { get; set; } = ["Contacts", "Leads", "Cases", "Calls", "Quotes", "Tasks", "Invoices", "Notes"];

    /// <summary>
    /// Whether the notes of every matched record (<c>Notes</c> whose <c>Parent_Id</c> is one of them) are the subject's too:
    /// found by COQL on <c>Parent_Id</c> (1 call per 50 matched records, any module), exported with their title and
    /// content, and deleted (when Notes is deletable and selected) before their parents. Default: true.
    /// </summary>
    public bool IncludeNotes { get; set; } = true;

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>How long a <c>requireApproval</c> request waits for approve / reject before it fails. Default: 72 hours.</summary>
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Days after which finished instances' history (it holds the subject's email) and exports are purged. Default: 30.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// Days the audit logs are kept: the proof that a request was carried out (record ids, Zoho's codes, the subject only
    /// as a keyed hash). At least <see cref="RetentionDays"/>. Default: 1,095 (3 years).
    /// </summary>
    public int AuditRetentionDays { get; set; } = 1095;

    /// <summary>Throttling backoff: first delay, cap, and attempts per activity before the request fails.</summary>
    public TimeSpan ThrottleBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ThrottleMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    public int ThrottleMaxAttempts { get; set; } = 12;

    /// <summary>Lease of rate-gate permits (returned when a holder crashes). Default: 5 minutes.</summary>
    public TimeSpan GateLease { get; set; } = TimeSpan.FromMinutes(5);

    public ExportOptions Exports { get; set; } = new();

    /// <summary>The key of the audit log's subject hashes (section <c>ZohoDsr:Audit</c>).</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>
    /// Whether a parent module with a restricted (private) email field is scanned record by record with
    /// <c>include=private_fields</c> (1 call per record): the only way to match a restricted value. Default: true.
    /// </summary>
    public bool ScanRestrictedEmailFields { get; set; } = true;

    /// <summary>
    /// Whether records of the searched parent modules whose <c>Description</c> holds the subject's email, but whose email
    /// fields do not, are reported as mentions for a person to review (1 COQL call per module). They are never deleted
    /// nor counted as found. Default: true.
    /// </summary>
    public bool ReportMentions { get; set; } = true;

    /// <summary>
    /// How the primary COQL lookup of a parent module compares its email fields with the subject's email.
    /// <see cref="Configuration.CoqlEmailMatch.Like"/> (default) asks <c>like '%email%'</c> and keeps only exact matches
    /// (trimmed, case-insensitive), so a value stored with spaces around it is found even while Search's index cannot see
    /// it yet; if Zoho refuses <c>like</c> on the module, the lookup falls back to <c>=</c> and the module is reported
    /// unsearched. <see cref="Configuration.CoqlEmailMatch.Equals"/> asks <c>=</c> only, as before.
    /// </summary>
    public CoqlEmailMatch CoqlEmailMatch { get; set; } = CoqlEmailMatch.Like;

    /// <summary>
    /// How long an org's metadata (<c>GET /org</c>, fields, the Contacts related lists) is reused across requests in one
    /// process (<see cref="Activities.OrgMetadataCache"/>). An email field added in Zoho is matched once it expires.
    /// Zero reads the metadata on every request. Default: 5 minutes; at most 1 hour.
    /// </summary>
    public TimeSpan MetadataCacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Key Vault holding <c>zoho-{orgId}-client-secret</c>, <c>zoho-{orgId}-refresh-token</c> and the cached access token.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>The Durable task hub name (ZohoDsr.Functions; host.json reads <c>%ZohoDsr__TaskHub%</c>).</summary>
    public string TaskHub { get; set; } = "ZohoDsr";
}

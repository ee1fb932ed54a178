namespace ZohoDsr.Core.Audit;

/// <summary>
/// The actions of the audit log (<see cref="AuditEntry.Action"/>). Each fact has one writer: the activity that did it writes
/// what it did (its calls, what it found, deleted, verified, purged); the orchestration writes only what it alone decides
/// (approval, skips, dry run, gaps, failure, a purge it did not attempt, a callback it gave up on, how the request
/// ended).
/// </summary>
public static class AuditActions
{
    /// <summary>ResolveOrg: the org resolved (outcome: its privacy setting) and each module it could not use.</summary>
    public const string Resolve = "resolve";

    /// <summary>FindInModule: the exact matches in one parent module (their ids).</summary>
    public const string Find = "find";

    /// <summary>FindInModule: the COQL lookup (rows read).</summary>
    public const string Coql = "coql";

    /// <summary>FindInModule: the Search API cross-check (rows read).</summary>
    public const string Search = "search";

    /// <summary>FindInModule: the list of a module with a restricted email field (rows read).</summary>
    public const string Scan = "scan";

    /// <summary>FindInModule: the reads with private fields of that scan (records read).</summary>
    public const string ScanPrivate = "scan-private";

    /// <summary>FindRelated: the related records of the matched contacts in one module (their ids).</summary>
    public const string Related = "related";

    /// <summary>FindRelated: the contacts' related lists read (rows read).</summary>
    public const string RelatedList = "related-list";

    /// <summary>FindRelated: the COQL lookups by contact id (rows read).</summary>
    public const string Lookup = "lookup";

    /// <summary>ExportRecords: the records written to one export part, and those Zoho no longer has.</summary>
    public const string Export = "export";

    /// <summary>FinalizeExport: the export file written.</summary>
    public const string ExportFinalize = "export-finalize";

    /// <summary>DeleteBatch: the ids of each delete call before it is sent (outcome <c>intent</c>), then every record's outcome.</summary>
    public const string Delete = "delete";

    /// <summary>VerifyDeleted: the records checked, and those still present.</summary>
    public const string Verify = "verify";

    /// <summary>PurgeRecycleBin: every record's purge outcome; the orchestration: a purge the API version does not allow.</summary>
    public const string Purge = "purge";

    /// <summary>SendCallback: each delivery attempt; the orchestration: a callback given up after its retries.</summary>
    public const string Callback = "callback";

    /// <summary>The orchestration: the approval decision, or its deadline passing.</summary>
    public const string Approval = "approval";

    /// <summary>The orchestration: found records it does not delete (module not deletable, or not selected).</summary>
    public const string Skip = "skip";

    /// <summary>The orchestration: what a dry run would have deleted.</summary>
    public const string DryRun = "dry-run";

    /// <summary>The orchestration: a module reported unsearched (the request cannot complete).</summary>
    public const string Gap = "gap";

    /// <summary>The orchestration: the request failed (a step, or unsearched modules).</summary>
    public const string Failure = "failure";

    /// <summary>The orchestration: how the request ended (outcome: its status; count: its records).</summary>
    public const string Result = "result";

    /// <summary>FindInModule: the COQL lookup of free-text mentions (count: rows read; the ids go to the result for review).</summary>
    public const string Mentions = "mentions";

    /// <summary>Every action.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Resolve, Find, Coql, Search, Scan, ScanPrivate, Related, RelatedList, Lookup, Export, ExportFinalize, Delete, Verify,
        Purge, Callback, Approval, Skip, DryRun, Gap, Failure, Result, Mentions,
    ];
}

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Activity names, used by the orchestration to schedule and by the hosts as <c>[Function(ActivityNames.X)]</c>.
/// Each has exactly one handler in <c>ZohoDsr.Core.Activities</c> (<c>{Name}Handler</c>).
/// </summary>
public static class ActivityNames
{
    /// <summary><see cref="Activities.ResolveOrgInput"/> → <see cref="Activities.OrgProfile"/>.</summary>
    public const string ResolveOrg = nameof(ResolveOrg);

    /// <summary><see cref="Activities.FindInModuleInput"/> → <see cref="Activities.FindRecordsResult"/>.</summary>
    public const string FindInModule = nameof(FindInModule);

    /// <summary><see cref="Activities.FindRelatedInput"/> → <see cref="Activities.FindRecordsResult"/>.</summary>
    public const string FindRelated = nameof(FindRelated);

    /// <summary><see cref="Activities.ExportRecordsInput"/> → <see cref="Activities.ExportRecordsResult"/>.</summary>
    public const string ExportRecords = nameof(ExportRecords);

    /// <summary><see cref="Activities.FinalizeExportInput"/> → <see cref="Activities.FinalizeExportResult"/>.</summary>
    public const string FinalizeExport = nameof(FinalizeExport);

    /// <summary><see cref="Activities.DeleteBatchInput"/> → <see cref="Activities.DeleteBatchResult"/>.</summary>
    public const string DeleteBatch = nameof(DeleteBatch);

    /// <summary><see cref="Activities.VerifyDeletedInput"/> → <see cref="Activities.VerifyDeletedResult"/>.</summary>
    public const string VerifyDeleted = nameof(VerifyDeleted);

    /// <summary><see cref="Activities.PurgeRecycleBinInput"/> → <see cref="Activities.DeleteBatchResult"/>.</summary>
    public const string PurgeRecycleBin = nameof(PurgeRecycleBin);

    /// <summary><see cref="Activities.WriteAuditInput"/> → <see cref="Activities.WriteAuditResult"/>.</summary>
    public const string WriteAudit = nameof(WriteAudit);

    /// <summary><see cref="Activities.SendCallbackInput"/> → <see cref="Activities.SendCallbackResult"/>.</summary>
    public const string SendCallback = nameof(SendCallback);

    /// <summary>Every activity name.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ResolveOrg, FindInModule, FindRelated, ExportRecords, FinalizeExport, DeleteBatch, VerifyDeleted, PurgeRecycleBin, WriteAudit, SendCallback];
}

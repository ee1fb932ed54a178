namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Activity names, used by the hosts as <c>[Function(ActivityNames.X)]</c>. The orchestration schedules each through its
/// typed descriptor in <see cref="DsrActivities"/> (same name, with its input and output); each has exactly one handler in
/// <c>ZohoDsr.Core.Activities</c> (<c>{Name}Handler</c>).
/// </summary>
public static class ActivityNames
{
    public const string ResolveOrg = nameof(ResolveOrg);

    public const string FindInModule = nameof(FindInModule);

    public const string FindRelated = nameof(FindRelated);

    public const string ExportRecords = nameof(ExportRecords);

    public const string FinalizeExport = nameof(FinalizeExport);

    public const string DeleteBatch = nameof(DeleteBatch);

    public const string VerifyDeleted = nameof(VerifyDeleted);

    public const string PurgeRecycleBin = nameof(PurgeRecycleBin);

    public const string WriteAudit = nameof(WriteAudit);

    public const string SendCallback = nameof(SendCallback);

    public const string ReportOutcome = nameof(ReportOutcome);

    /// <summary>Every activity name.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ResolveOrg, FindInModule, FindRelated, ExportRecords, FinalizeExport, DeleteBatch, VerifyDeleted, PurgeRecycleBin, WriteAudit, SendCallback, ReportOutcome];
}

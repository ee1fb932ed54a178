using ZohoDsr.Core.Activities;

namespace ZohoDsr.Core.Orchestration;

/// <summary>Every activity the orchestration schedules, each with its input and output (the handler's <c>HandleAsync</c>).</summary>
public static class DsrActivities
{
    public static DsrActivity<ResolveOrgInput, OrgProfile> ResolveOrg { get; } = new(ActivityNames.ResolveOrg);

    public static DsrActivity<FindInModuleInput, FindRecordsResult> FindInModule { get; } = new(ActivityNames.FindInModule);

    public static DsrActivity<FindRelatedInput, FindRecordsResult> FindRelated { get; } = new(ActivityNames.FindRelated);

    public static DsrActivity<ExportRecordsInput, ExportRecordsResult> ExportRecords { get; } = new(ActivityNames.ExportRecords);

    public static DsrActivity<FinalizeExportInput, FinalizeExportResult> FinalizeExport { get; } = new(ActivityNames.FinalizeExport);

    public static DsrActivity<DeleteBatchInput, DeleteBatchResult> DeleteBatch { get; } = new(ActivityNames.DeleteBatch);

    public static DsrActivity<VerifyDeletedInput, VerifyDeletedResult> VerifyDeleted { get; } = new(ActivityNames.VerifyDeleted);

    public static DsrActivity<PurgeRecycleBinInput, DeleteBatchResult> PurgeRecycleBin { get; } = new(ActivityNames.PurgeRecycleBin);

    public static DsrActivity<WriteAuditInput, WriteAuditResult> WriteAudit { get; } = new(ActivityNames.WriteAudit);

    public static DsrActivity<SendCallbackInput, SendCallbackResult> SendCallback { get; } = new(ActivityNames.SendCallback);

    public static DsrActivity<ReportOutcomeInput, ReportOutcomeResult> ReportOutcome { get; } = new(ActivityNames.ReportOutcome);
}

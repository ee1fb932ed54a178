using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Maintenance;

/// <summary>
/// Daily at 03:00 UTC: purges the history of finished instances (completed, failed, terminated) created more than
/// <see cref="DsrOptions.RetentionDays"/> ago, then the exports of requests older than that, and the audit logs older than
/// <see cref="DsrOptions.AuditRetentionDays"/>.
/// </summary>
public sealed class RetentionPurge(IExportStore exports, IOptions<DsrOptions> options, TimeProvider timeProvider, ILogger<RetentionPurge> logger)
{
    /// <summary>NCRONTAB (with seconds): every day at 03:00:00.</summary>
    public const string Schedule = "0 0 3 * * *";

    /// <summary>A purge that reports itself incomplete (a store-side timeout) is repeated at most this many times.</summary>
    internal const int MaxRounds = 20;

    internal static readonly IReadOnlyList<OrchestrationRuntimeStatus> FinishedStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    [Function(OrchestrationNames.RetentionPurge)]
    public async Task RunAsync(
        [TimerTrigger(Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        DateTimeOffset cutoff = timeProvider.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        PurgeInstancesFilter filter = new(CreatedFrom: null, CreatedTo: cutoff, Statuses: FinishedStatuses);

        int purged = 0;
        int rounds = 0;
        PurgeResult result;
        do
        {
            result = await client.PurgeAllInstancesAsync(filter, cancellationToken).ConfigureAwait(false);
            purged += result.PurgedInstanceCount;
            rounds++;
        }
        while (result.IsComplete == false && rounds < MaxRounds);

        Log.InstancesPurged(logger, purged);
        if (result.IsComplete == false)
        {
            Log.PurgeIncomplete(logger, rounds);
        }

        int requests = await exports.DeleteExportsOlderThanAsync(cutoff, cancellationToken).ConfigureAwait(false);
        Log.ExportsPurged(logger, requests);

        DateTimeOffset auditCutoff = timeProvider.GetUtcNow() - TimeSpan.FromDays(options.Value.AuditRetentionDays);
        int auditLogs = await exports.DeleteAuditLogsOlderThanAsync(auditCutoff, cancellationToken).ConfigureAwait(false);
        Log.AuditLogsPurged(logger, auditLogs);
    }
}

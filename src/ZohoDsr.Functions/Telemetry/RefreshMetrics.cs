using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Functions.Http;

namespace ZohoDsr.Functions.Telemetry;

/// <summary>
/// Every minute: refreshes the snapshot the gauges report (open requests by days to their due date, requests waiting for
/// approval, each org's rate gate). A timer function runs on one instance of the app at a time, so one instance reports
/// the gauges; the others' snapshots age out (<see cref="DsrMetricsSnapshotSource.MaxAge"/>) and report nothing.
/// </summary>
public sealed class RefreshMetrics(DsrMetricsSnapshotSource snapshots, ILogger<RefreshMetrics> logger)
{
    /// <summary>NCRONTAB (with seconds): at second 0 of every minute.</summary>
    public const string Schedule = "0 * * * * *";

    [Function(OrchestrationNames.RefreshMetrics)]
    public async Task RunAsync(
        [TimerTrigger(Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        DsrMetricsSnapshot snapshot = await snapshots.RefreshAsync(
            new DurableTaskClientInstanceClient(client, request: null, logger),
            async (orgId, ct) =>
            {
                EntityMetadata<OrgRateGateState>? gate = await client.Entities
                    .GetEntityAsync<OrgRateGateState>(new EntityInstanceId(EntityNames.OrgRateGate, orgId), ct).ConfigureAwait(false);
                return gate?.State;
            },
            cancellationToken).ConfigureAwait(false);
        Log.MetricsRefreshed(logger, snapshot.Orgs.Count);
    }
}

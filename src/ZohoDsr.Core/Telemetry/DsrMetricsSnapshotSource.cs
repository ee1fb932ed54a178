using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Telemetry;

/// <summary>
/// Feeds the gauges (<see cref="IDsrMetricsSnapshotProvider"/>) from a snapshot a host refreshes on its own schedule
/// (<see cref="RefreshAsync"/>: a timer function in Azure, a background service locally): every configured org's rate
/// gate (permits held and the cap, credits of the rolling 24 hours and the budget), the requests waiting for approval
/// and the due date of every open request. A snapshot older than <see cref="MaxAge"/> is not reported, so that an
/// instance that no longer refreshes (the timer ran elsewhere) reports nothing rather than an old state.
/// </summary>
public sealed class DsrMetricsSnapshotSource(DsrRequestRecords records, IOptions<ZohoCrmClientOptions> zohoOptions, TimeProvider timeProvider)
    : IDsrMetricsSnapshotProvider
{
    /// <summary>Instances read per page of the task hub.</summary>
    internal const int PageSize = 100;

    private static readonly IReadOnlyList<DsrRuntimeStatus> OpenStatuses = [DsrRuntimeStatus.Pending, DsrRuntimeStatus.Running, DsrRuntimeStatus.Suspended];

    private Taken? _latest;

    /// <summary>How long a snapshot is reported after it was taken (default 5 minutes).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    public DsrMetricsSnapshot GetSnapshot()
        => Volatile.Read(ref _latest) is { } latest && timeProvider.GetUtcNow() - latest.At <= MaxAge ? latest.Snapshot : DsrMetricsSnapshot.Empty;

    /// <summary>
    /// Takes a new snapshot: the open DSR instances of the task hub (<paramref name="instances"/>), their stored due dates,
    /// and the rate gate of every org (<paramref name="readRateGate"/>: the entity's state, null when it has none yet).
    /// </summary>
    public async Task<DsrMetricsSnapshot> RefreshAsync(
        IDsrInstanceClient instances, Func<string, CancellationToken, Task<OrgRateGateState?>> readRateGate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(readRateGate);
        var waiting = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        var dueBy = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            DsrInstancePage page = await instances.ListAsync(new DsrInstanceQuery(OpenStatuses, PageSize, token), cancellationToken).ConfigureAwait(false);
            foreach (DsrInstanceState instance in page.Instances)
            {
                if (instance.Input is not { } input)
                {
                    continue;
                }

                if (instance.Progress?.Status == DsrStatus.AwaitingApproval)
                {
                    // The wait began with the instance's last update: nothing runs while it waits for the decision.
                    Add(waiting, input.OrgId, instance.LastUpdatedAt);
                }

                if (await records.ReadDeadlineViewAsync(input.OrgId, input.RequestId, cancellationToken).ConfigureAwait(false) is { } deadline)
                {
                    Add(dueBy, input.OrgId, deadline.DueBy);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        DateTimeOffset now = timeProvider.GetUtcNow();
        var orgs = new List<OrgMetricsSnapshot>();
        foreach (string orgId in zohoOptions.Value.Orgs.Keys.Concat(waiting.Keys).Concat(dueBy.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            OrgRateGateState? state = await readRateGate(orgId, cancellationToken).ConfigureAwait(false);
            var gate = state is null ? null : new OrgRateGate(state);
            orgs.Add(new OrgMetricsSnapshot
            {
                OrgId = orgId,
                CreditsUsed = gate?.CreditsSpent(now.UtcDateTime) ?? 0,
                DailyCreditBudget = state is { CreditBudget: > 0 } ? state.CreditBudget : null,
                PermitsInUse = gate?.InUse(now.UtcDateTime) ?? 0,
                PermitLimit = state is { Capacity: > 0 } ? state.Capacity : null,
                AwaitingApprovalSince = waiting.GetValueOrDefault(orgId) ?? [],
                OpenRequestsDueBy = dueBy.GetValueOrDefault(orgId) ?? [],
            });
        }

        var snapshot = new DsrMetricsSnapshot { Orgs = orgs };
        Volatile.Write(ref _latest, new Taken(snapshot, now));
        return snapshot;
    }

    private static void Add(Dictionary<string, List<DateTimeOffset>> byOrg, string orgId, DateTimeOffset value)
    {
        if (!byOrg.TryGetValue(orgId, out List<DateTimeOffset>? values))
        {
            byOrg[orgId] = values = [];
        }

        values.Add(value);
    }

    private sealed record Taken(DsrMetricsSnapshot Snapshot, DateTimeOffset At);
}

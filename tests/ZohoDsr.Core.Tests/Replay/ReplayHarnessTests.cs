using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Orchestration;

namespace ZohoDsr.Core.Tests.Replay;

/// <summary>The harness itself: it must accept a deterministic orchestration and catch every kind of non-determinism.</summary>
public sealed class ReplayHarnessTests
{
    private static int s_runs;

    [Fact]
    public async Task Replay_DeterministicOrchestration_ReproducesResult()
    {
        var context = new ScriptedOrchestrationContext(new FakeActivities());

        var result = await RecordAndReplay.RunAsync(context, async c =>
        {
            var profile = await c.CallActivityAsync(DsrActivities.ResolveOrg, new ResolveOrgInput("org-1", "r-1", null));
            await c.CreateTimer(c.CurrentUtcDateTime.AddSeconds(3), CancellationToken.None);
            return $"{profile.OrgId}:{c.NewGuid()}:{c.CurrentUtcDateTime:O}";
        });

        Assert.StartsWith("org-1:", result);
    }

    [Fact]
    public async Task Replay_InputFromRandomGuid_ThrowsMismatch()
    {
        var context = new ScriptedOrchestrationContext(new FakeActivities());
        Func<IDsrOrchestrationContext, Task<string>> nondeterministic = async c =>
        {
            var profile = await c.CallActivityAsync(DsrActivities.ResolveOrg, new ResolveOrgInput("org-1", Guid.NewGuid().ToString(), null));
            return profile.OrgId;
        };

        var (_, history) = await RecordAndReplay.RecordAsync(context, nondeterministic);

        var error = await Assert.ThrowsAsync<ReplayMismatchException>(() => RecordAndReplay.ReplayAsync(history, context.InstanceId, nondeterministic));
        Assert.Contains("ResolveOrg", error.Message);
    }

    [Fact]
    public async Task Replay_BranchOnOutsideState_ThrowsMismatch()
    {
        var context = new ScriptedOrchestrationContext(new FakeActivities());
        Func<IDsrOrchestrationContext, Task<int>> nondeterministic = async c =>
        {
            if (Interlocked.Increment(ref s_runs) % 2 == 1)
            {
                await c.CreateTimer(c.CurrentUtcDateTime.AddSeconds(1), CancellationToken.None);
            }

            c.SetCustomStatus(new ZohoDsr.Core.Contracts.DsrProgress(ZohoDsr.Core.Contracts.DsrStatus.Running, "x", 0, 0, 0, 0, 0));
            return 1;
        };

        var (_, history) = await RecordAndReplay.RecordAsync(context, nondeterministic);

        await Assert.ThrowsAsync<ReplayMismatchException>(() => RecordAndReplay.ReplayAsync(history, context.InstanceId, nondeterministic));
    }

    [Fact]
    public async Task Replay_StopsBeforeHistoryEnds_ThrowsMismatch()
    {
        var context = new ScriptedOrchestrationContext(new FakeActivities());
        var (_, history) = await RecordAndReplay.RecordAsync(context, c =>
        {
            c.NewGuid();
            c.NewGuid();
            return Task.FromResult(0);
        });

        await Assert.ThrowsAsync<ReplayMismatchException>(() => RecordAndReplay.ReplayAsync(history, context.InstanceId, c =>
        {
            c.NewGuid();
            return Task.FromResult(0);
        }));
    }

    [Fact]
    public async Task Replay_ActivityFailure_ReplaysTheFailure()
    {
        var activities = new FakeActivities { Fail = (_, _, _) => new TimeoutException("boom") };
        var context = new ScriptedOrchestrationContext(activities);

        var result = await RecordAndReplay.RunAsync(context, async c =>
        {
            try
            {
                await c.CallActivityAsync(DsrActivities.ResolveOrg, new ResolveOrgInput("org-1", "r-1", null));
                return "ok";
            }
            catch (Exception)
            {
                return "failed";
            }
        });

        Assert.Equal("failed", result);
    }
}

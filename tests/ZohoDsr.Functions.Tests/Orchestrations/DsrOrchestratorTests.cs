using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Functions.Orchestrations;

namespace ZohoDsr.Functions.Tests.Orchestrations;

/// <summary>
/// The orchestrator function running Core's real <see cref="DsrOrchestration"/> on a Moq <see cref="TaskOrchestrationContext"/>:
/// durable timers advance the orchestration clock, activities answer by name, the rate gate answers through the entity feature.
/// </summary>
public sealed class DsrOrchestratorTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan ZohoRetryAfter = TimeSpan.FromSeconds(30);

    private readonly Mock<TaskOrchestrationContext> _durable = new();
    private readonly Mock<TaskOrchestrationEntityFeature> _entities = new();
    private readonly List<string> _events = [];
    private readonly List<(string Name, TaskOptions? Options)> _activityCalls = [];
    private readonly List<DsrProgress> _statuses = [];
    private DateTime _now = Start;
    private int _guids;
    private int _resolveCalls;

    public DsrOrchestratorTests()
    {
        _durable.SetupGet(c => c.InstanceId).Returns("i-1");
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        _durable.SetupGet(c => c.Entities).Returns(_entities.Object);
        _durable.Setup(c => c.NewGuid()).Returns(() => new Guid(++_guids, 0x1234, 0x5678, 1, 2, 3, 4, 5, 6, 7, 8));
        _durable.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        _durable.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => _statuses.Add((DsrProgress)status!));
        _durable.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                _events.Add($"timer +{(fireAt - _now).TotalSeconds:0}s");
                Assert.True(fireAt >= _now, "a durable timer fires in the future");
                _now = fireAt;
                return Task.CompletedTask;
            });
        _durable.Setup(c => c.CallActivityAsync<It.IsAnyType>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(new InvocationFunc(invocation =>
            {
                string name = ((TaskName)invocation.Arguments[0]).Name;
                _activityCalls.Add((name, (TaskOptions?)invocation.Arguments[2]));
                _events.Add($"activity {name}");
                object result = Activity(name, invocation.Arguments[1]!);
                Type resultType = invocation.Method.GetGenericArguments()[0];
                Assert.IsAssignableFrom(resultType, result);
                return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(resultType).Invoke(null, [result])!;
            }));
        _entities.Setup(e => e.CallEntityAsync<GateGrant>(It.IsAny<EntityInstanceId>(), EntityNames.Acquire, It.IsAny<object?>(), It.IsAny<CallEntityOptions?>()))
            .Returns((EntityInstanceId id, string _, object? input, CallEntityOptions? _) =>
            {
                Assert.Equal(new EntityInstanceId(EntityNames.OrgRateGate, "acme"), id);
                _events.Add("acquire");
                return Task.FromResult(new GateGrant(((GateAcquireRequest)input!).Permits, null, null));
            });
        _entities.Setup(e => e.CallEntityAsync(It.IsAny<EntityInstanceId>(), EntityNames.Release, It.IsAny<object?>(), It.IsAny<CallEntityOptions?>()))
            .Returns(() =>
            {
                _events.Add("release");
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task RunAsync_ThrottledActivity_WaitsOnADurableTimerThenRetriesAndCompletes()
    {

        DsrResult result = await DsrOrchestrator.RunAsync(_durable.Object, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal("https://st.blob.core.windows.net/exports/acme/req-1/export.json", result.ExportLocation);
        Assert.Equal(["c1", "c2", "k1"], result.Records.Select(r => r.RecordId).Order());
        Assert.Equal(2, _resolveCalls);

        int first = _events.IndexOf("activity ResolveOrg");
        int second = _events.LastIndexOf("activity ResolveOrg");
        string timer = Assert.Single(_events.Skip(first).Take(second - first), e => e.StartsWith("timer", StringComparison.Ordinal));
        Assert.True(_now - Start >= ZohoRetryAfter, $"waited {timer}");

        (string _, TaskOptions? options) = _activityCalls.First(c => c.Name == ActivityNames.ResolveOrg);
        Assert.Equal(ActivityRetryPolicy.Default.MaxNumberOfAttempts, options?.Retry?.Policy?.MaxNumberOfAttempts);
        Assert.Equal(_events.Count(e => e == "acquire"), _events.Count(e => e == "release"));
        Assert.Equal(DsrStatus.Completed, _statuses[^1].Status);
    }

    [Fact]
    public async Task RunAsync_DeleteApproved_DeletesVerifiesAndCompletes()
    {
        _durable.Setup(c => c.CreateTimer(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns((TimeSpan _, CancellationToken token) => Pending(token));
        _durable.Setup(c => c.WaitForExternalEvent<ApprovalDecision>(EventNames.Approval, It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Assert.Equal(DsrStatus.AwaitingApproval, _statuses[^1].Status);
                return Task.FromResult(new ApprovalDecision(true, "dpo"));
            });

        DsrResult result = await DsrOrchestrator.RunAsync(_durable.Object, Input(DsrRequestType.Delete) with { RequireApproval = true });

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.All(result.Records.Where(r => r.Module is "Contacts" or "Calls"), r => Assert.Equal(RecordOutcomeKind.Deleted, r.Outcome));
        Assert.True(_events.IndexOf("activity DeleteBatch") < _events.IndexOf("activity VerifyDeleted"));
        Assert.NotNull(result.RecycleBinRetainedUntil);
    }

    [Fact]
    public async Task RunAsync_ApprovalDeadlinePasses_FailsWithoutDeleting()
    {
        _durable.Setup(c => c.CreateTimer(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _durable.Setup(c => c.WaitForExternalEvent<ApprovalDecision>(EventNames.Approval, It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken token) => Pending<ApprovalDecision>(token));

        DsrResult result = await DsrOrchestrator.RunAsync(_durable.Object, Input(DsrRequestType.Delete) with { RequireApproval = true });

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.DoesNotContain("activity DeleteBatch", _events);
    }

    [Fact]
    public async Task RunAsync_NoInput_Throws()
    {

        await Assert.ThrowsAsync<InvalidOperationException>(() => DsrOrchestrator.RunAsync(_durable.Object, null!));
    }

    private object Activity(string name, object input) => name switch
    {
        ActivityNames.ResolveOrg => ++_resolveCalls == 1
            ? new OrgProfile { OrgId = "acme", Throttled = new ActivityThrottle(ZohoRetryAfter, "TOO_MANY_REQUESTS") }
            : new OrgProfile
            {
                OrgId = "acme",
                PrivacySettings = true,
                ApiVersion = 8,
                ConcurrencyBudget = 2,
                CreditBudget = 10_000,
                ParentModules = [new ModuleProfile("Contacts", ["Email", "Secondary_Email"], [])],
                RelatedModules = [new RelatedModuleProfile("Calls", null, "Who_Id")],
                DeletableModules = ["Contacts", "Calls"],
                Spend = new ApiSpend(3, 3),
            },
        ActivityNames.FindInModule => new FindRecordsResult(((FindInModuleInput)input).Module.Module, ["c1", "c2"], FindMethod.Coql, 3) { Spend = new ApiSpend(1, 1) },
        ActivityNames.FindRelated => new FindRecordsResult(((FindRelatedInput)input).Module.Module, ["k1"], FindMethod.Lookup, 1) { Spend = new ApiSpend(1, 1) },
        ActivityNames.ExportRecords => ExportPart((ExportRecordsInput)input),
        ActivityNames.FinalizeExport => new FinalizeExportResult("https://st.blob.core.windows.net/exports/acme/req-1/export.json", 3),
        ActivityNames.DeleteBatch => Deleted((DeleteBatchInput)input),
        ActivityNames.VerifyDeleted => new VerifyDeletedResult(((VerifyDeletedInput)input).Module, []),
        ActivityNames.WriteAudit => new WriteAuditResult("https://st.blob.core.windows.net/exports/acme/req-1/audit.jsonl", ((WriteAuditInput)input).Entries.Count),
        _ => throw new InvalidOperationException($"Unexpected activity {name}."),
    };

    private static ExportRecordsResult ExportPart(ExportRecordsInput input)
        => new(input.Module, $"{input.Module}-{input.Part}.json", input.RecordIds.Count, []);

    private static DeleteBatchResult Deleted(DeleteBatchInput input)
        => new(input.Module, input.RecordIds.Select(id => new RecordOutcome(input.Module, id, RecordOutcomeKind.Deleted)).ToList());

    private static DsrOrchestrationInput Input(DsrRequestType type) => new()
    {
        RequestId = "req-1",
        OrgId = "acme",
        Type = type,
        SubjectEmail = "jane.doe@example.com",
        ReceivedAt = new DateTimeOffset(Start, TimeSpan.Zero),
    };

    private static Task Pending(CancellationToken token)
    {
        TaskCompletionSource pending = new();
        token.Register(() => pending.TrySetCanceled(token));
        return pending.Task;
    }

    private static Task<T> Pending<T>(CancellationToken token)
    {
        TaskCompletionSource<T> pending = new();
        token.Register(() => pending.TrySetCanceled(token));
        return pending.Task;
    }
}

using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Functions.Orchestrations;

namespace ZohoDsr.Functions.Tests.Orchestrations;

public sealed class DurableDsrOrchestrationContextTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    private readonly Mock<TaskOrchestrationContext> _durable = new();
    private readonly Mock<TaskOrchestrationEntityFeature> _entities = new();
    private readonly DurableDsrOrchestrationContext _context;

    private static DeleteBatchInput Batch { get; } = new("acme", "r-1", "Contacts", ["1"]) { CallId = "i-1:4" };

    public DurableDsrOrchestrationContextTests()
    {
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _durable.SetupGet(c => c.InstanceId).Returns("i-1");
        _durable.SetupGet(c => c.Entities).Returns(_entities.Object);
        _context = new DurableDsrOrchestrationContext(_durable.Object);
    }

    [Fact]
    public void Properties_Always_ComeFromTheDurableContext()
    {
        Guid guid = Guid.Parse("0b6a2f4e-5d51-4a3c-9d7e-1f2a3b4c5d6e");
        _durable.SetupGet(c => c.IsReplaying).Returns(true);
        _durable.Setup(c => c.NewGuid()).Returns(guid);

        Assert.Equal("i-1", _context.InstanceId);
        Assert.Equal(Now, _context.CurrentUtcDateTime);
        Assert.True(_context.IsReplaying);
        Assert.Equal(guid, _context.NewGuid());
    }

    [Fact]
    public async Task CallActivityAsync_WithRetry_MapsThePolicyOneToOne()
    {
        TaskOptions? seen = null;
        DeleteBatchResult answer = new("Contacts", []);
        _durable.Setup(c => c.CallActivityAsync<DeleteBatchResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? options) => seen = options)
            .ReturnsAsync(answer);
        ActivityRetryPolicy retry = new(4, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(1));

        DeleteBatchResult result = await _context.CallActivityAsync(DsrActivities.DeleteBatch, Batch, retry);

        Assert.Same(answer, result);
        _durable.Verify(c => c.CallActivityAsync<DeleteBatchResult>(new TaskName(ActivityNames.DeleteBatch), Batch, It.IsAny<TaskOptions?>()), Times.Once);
        RetryPolicy? policy = seen?.Retry?.Policy;
        Assert.NotNull(policy);
        Assert.Equal(4, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.FirstRetryInterval);
        Assert.Equal(2.0, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(1), policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
    }

    [Fact]
    public async Task CallActivityAsync_NoRetry_PassesNoOptions()
    {
        WriteAuditInput input = new("acme", "r-1", []);
        _durable.Setup(c => c.CallActivityAsync<WriteAuditResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new WriteAuditResult("audit.jsonl", 0));

        await _context.CallActivityAsync(DsrActivities.WriteAudit, input);

        _durable.Verify(c => c.CallActivityAsync<WriteAuditResult>(new TaskName(ActivityNames.WriteAudit), input, null), Times.Once);
    }

    [Fact]
    public void ToTaskOptions_NoMaxInterval_UsesDurablesDefaultCap()
    {
        TaskOptions? options = DurableDsrOrchestrationContext.ToTaskOptions(new ActivityRetryPolicy(3, TimeSpan.FromSeconds(2)));

        Assert.Equal(TimeSpan.FromHours(1), options?.Retry?.Policy?.MaxRetryInterval);
        Assert.Equal(2.0, options?.Retry?.Policy?.BackoffCoefficient);
    }

    [Fact]
    public async Task CallActivityAsync_ActivityFailed_SurfacesTheFaultWithTheEnginesFailure()
    {
        TaskFailedException failure = new(ActivityNames.DeleteBatch, 7, new TaskFailureDetails("System.TimeoutException", "timed out", null, null, null));
        _durable.Setup(c => c.CallActivityAsync<DeleteBatchResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ThrowsAsync(failure);

        ActivityFailedException thrown = await Assert.ThrowsAsync<ActivityFailedException>(() => _context.CallActivityAsync(DsrActivities.DeleteBatch, Batch));

        Assert.Equal(ActivityFaultCodes.ActivityFailed, thrown.Fault.Code);
        Assert.Same(failure, thrown.InnerException);
    }

    [Fact]
    public async Task CallActivityAsync_ActivityFaulted_ReadsTheCodeFromTheFailureDetails()
    {
        var fault = new ActivityFaultException(new ActivityFault("HTTP_503"), new InvalidOperationException("Zoho CRM delete on Contacts failed with HTTP 503"));
        TaskFailedException failure = new(
            ActivityNames.DeleteBatch, 7, new TaskFailureDetails(typeof(ActivityFaultException).FullName!, fault.Message, null, null, null));
        _durable.Setup(c => c.CallActivityAsync<DeleteBatchResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ThrowsAsync(failure);

        ActivityFailedException thrown = await Assert.ThrowsAsync<ActivityFailedException>(() => _context.CallActivityAsync(DsrActivities.DeleteBatch, Batch));

        Assert.Equal("HTTP_503", thrown.Fault.Code);
    }

    [Fact]
    public async Task CreateTimer_Always_UsesADurableTimerAtThatTime()
    {
        using CancellationTokenSource cts = new();
        DateTime fireAt = Now.AddSeconds(40);
        _durable.Setup(c => c.CreateTimer(fireAt, cts.Token)).Returns(Task.CompletedTask);

        await _context.CreateTimer(fireAt, cts.Token);

        _durable.Verify(c => c.CreateTimer(fireAt, cts.Token), Times.Once);
    }

    [Fact]
    public async Task WaitForExternalEventAsync_EventBeforeTimeout_ReturnsThePayload()
    {
        ApprovalDecision decision = new(true, "dpo");
        TaskCompletionSource timer = new();
        CancellationToken timerToken = default;
        _durable.Setup(c => c.CreateTimer(TimeSpan.FromHours(72), It.IsAny<CancellationToken>()))
            .Callback((TimeSpan _, CancellationToken token) => timerToken = token)
            .Returns(timer.Task);
        _durable.Setup(c => c.WaitForExternalEvent<ApprovalDecision>(EventNames.Approval, It.IsAny<CancellationToken>())).ReturnsAsync(decision);

        ExternalEventResult<ApprovalDecision> result = await _context.WaitForExternalEventAsync<ApprovalDecision>(EventNames.Approval, TimeSpan.FromHours(72));

        Assert.True(result.Received);
        Assert.Equal(decision, result.Payload);
        Assert.True(timerToken.IsCancellationRequested);
    }

    [Fact]
    public async Task WaitForExternalEventAsync_TimerFiresFirst_ReturnsTimedOut()
    {
        _durable.Setup(c => c.CreateTimer(TimeSpan.FromHours(72), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _durable.Setup(c => c.WaitForExternalEvent<ApprovalDecision>(EventNames.Approval, It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken token) => Pending<ApprovalDecision>(token));

        ExternalEventResult<ApprovalDecision> result = await _context.WaitForExternalEventAsync<ApprovalDecision>(EventNames.Approval, TimeSpan.FromHours(72));

        Assert.False(result.Received);
        Assert.Null(result.Payload);
    }

    [Fact]
    public async Task AcquirePermitsAsync_Always_CallsTheOrgsGateEntity()
    {
        GateAcquireRequest request = new("i-1:find", 3, TimeSpan.FromMinutes(5), Now, 10, 50_000, 6);
        GateGrant grant = new(2, null, null);
        _entities.Setup(e => e.CallEntityAsync<GateGrant>(It.IsAny<EntityInstanceId>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CallEntityOptions?>()))
            .ReturnsAsync(grant);

        GateGrant result = await _context.AcquirePermitsAsync("acme", request);

        Assert.Same(grant, result);
        _entities.Verify(e => e.CallEntityAsync<GateGrant>(
            It.Is<EntityInstanceId>(id => id.Name == "orgrategate" && id.Key == "acme"), EntityNames.Acquire, request, null), Times.Once);
    }

    [Fact]
    public async Task ReleasePermitsAsync_Always_CallsTheOrgsGateEntity()
    {
        GateReleaseRequest request = new("i-1:find", Now, 12);
        _entities.Setup(e => e.CallEntityAsync(It.IsAny<EntityInstanceId>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CallEntityOptions?>()))
            .Returns(Task.CompletedTask);

        await _context.ReleasePermitsAsync("acme", request);

        _entities.Verify(e => e.CallEntityAsync(new EntityInstanceId(EntityNames.OrgRateGate, "acme"), EntityNames.Release, request, null), Times.Once);
    }

    [Fact]
    public void SetCustomStatus_Always_SetsTheProgressAsCustomStatus()
    {
        DsrProgress progress = new(DsrStatus.Running, "find", 1, 3, 2, 0, 0);

        _context.SetCustomStatus(progress);

        _durable.Verify(c => c.SetCustomStatus(progress), Times.Once);
    }

    [Fact]
    public void CreateReplaySafeLogger_Always_UsesTheDurableReplaySafeLogger()
    {
        ILogger logger = NullLogger.Instance;
        _durable.Setup(c => c.CreateReplaySafeLogger("ZohoDsr.Core.Orchestration.DsrOrchestration")).Returns(logger);

        Assert.Same(logger, _context.CreateReplaySafeLogger("ZohoDsr.Core.Orchestration.DsrOrchestration"));
    }

    private static Task<T> Pending<T>(CancellationToken token)
    {
        TaskCompletionSource<T> pending = new();
        token.Register(() => pending.TrySetCanceled(token));
        return pending.Task;
    }
}

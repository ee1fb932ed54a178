using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Functions.Http;
using ZohoDsr.Functions.Tests.Support;

namespace ZohoDsr.Functions.Tests.Http;

public sealed class DurableTaskClientInstanceClientTests
{
    private static readonly Uri RequestUrl = new("https://zohodsr-func.azurewebsites.net/api/dsr");

    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly DurableTaskClientInstanceClient _instances;

    public DurableTaskClientInstanceClientTests()
    {
        TestHttpRequestData request = new(TestFunctionContext.Create(), "POST", RequestUrl);
        _instances = new DurableTaskClientInstanceClient(_client.Object, request, NullLogger.Instance);
    }

    [Fact]
    public async Task GetAsync_UnknownInstance_ReturnsNull()
    {
        _client.Setup(c => c.GetInstanceAsync("i-1", true, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        Assert.Null(await _instances.GetAsync("i-1", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_RunningInstance_ReadsInputAndProgressButNoOutput()
    {
        DsrOrchestrationInput input = Input();
        DsrProgress progress = new(DsrStatus.AwaitingApproval, "approval", 2, 5, 3, 0, 0, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        DateTimeOffset created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        _client.Setup(c => c.GetInstanceAsync("i-1", true, It.IsAny<CancellationToken>())).ReturnsAsync(new OrchestrationMetadata(OrchestrationNames.DsrOrchestration, "i-1")
        {
            DataConverter = JsonTestDataConverter.Instance,
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            CreatedAt = created,
            LastUpdatedAt = created.AddMinutes(3),
            SerializedInput = JsonTestDataConverter.Instance.Serialize(input),
            SerializedCustomStatus = JsonTestDataConverter.Instance.Serialize(progress),
        });

        DsrInstanceState? state = await _instances.GetAsync("i-1", CancellationToken.None);

        Assert.NotNull(state);
        Assert.Equal(DsrRuntimeStatus.Running, state.RuntimeStatus);
        Assert.Equal(input.RequestId, state.Input?.RequestId);
        Assert.Equal(DsrRequestType.Delete, state.Input?.Type);
        Assert.Equal(progress, state.Progress);
        Assert.Null(state.Output);
        Assert.Equal(created, state.CreatedAt);
        Assert.Equal(created.AddMinutes(3), state.LastUpdatedAt);
        Assert.Null(state.FailureMessage);
    }

    [Fact]
    public async Task GetAsync_CompletedInstance_ReadsOutput()
    {
        DsrResult result = new() { RequestId = "req-1", OrgId = "acme", Type = DsrRequestType.Access, Status = DsrStatus.Completed, ExportLocation = "https://blob/x", ApiCalls = 7 };
        _client.Setup(c => c.GetInstanceAsync("i-1", true, It.IsAny<CancellationToken>())).ReturnsAsync(new OrchestrationMetadata(OrchestrationNames.DsrOrchestration, "i-1")
        {
            DataConverter = JsonTestDataConverter.Instance,
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            SerializedOutput = JsonTestDataConverter.Instance.Serialize(result),
        });

        DsrInstanceState? state = await _instances.GetAsync("i-1", CancellationToken.None);

        Assert.Equal(DsrRuntimeStatus.Completed, state?.RuntimeStatus);
        Assert.Equal("https://blob/x", state?.Output?.ExportLocation);
        Assert.Equal(7, state?.Output?.ApiCalls);
    }

    [Fact]
    public async Task GetAsync_TerminatedInstance_ReportsTheReasonNotAnOutput()
    {
        _client.Setup(c => c.GetInstanceAsync("i-1", true, It.IsAny<CancellationToken>())).ReturnsAsync(new OrchestrationMetadata(OrchestrationNames.DsrOrchestration, "i-1")
        {
            DataConverter = JsonTestDataConverter.Instance,
            RuntimeStatus = OrchestrationRuntimeStatus.Terminated,
            SerializedOutput = JsonTestDataConverter.Instance.Serialize("Canceled by the requester."),
        });

        DsrInstanceState? state = await _instances.GetAsync("i-1", CancellationToken.None);

        Assert.Equal(DsrRuntimeStatus.Terminated, state?.RuntimeStatus);
        Assert.Null(state?.Output);
        Assert.Equal("Canceled by the requester.", state?.FailureMessage);
    }

    [Fact]
    public async Task GetAsync_FailedInstance_ReportsTheFailureMessage()
    {
        _client.Setup(c => c.GetInstanceAsync("i-1", true, It.IsAny<CancellationToken>())).ReturnsAsync(new OrchestrationMetadata(OrchestrationNames.DsrOrchestration, "i-1")
        {
            DataConverter = JsonTestDataConverter.Instance,
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            FailureDetails = new TaskFailureDetails("System.InvalidOperationException", "Orchestration has no input.", null, null, null),
        });

        DsrInstanceState? state = await _instances.GetAsync("i-1", CancellationToken.None);

        Assert.Equal(DsrRuntimeStatus.Failed, state?.RuntimeStatus);
        Assert.Equal("Orchestration has no input.", state?.FailureMessage);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, DsrRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running, DsrRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed, DsrRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed, DsrRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, DsrRuntimeStatus.Terminated)]
    [InlineData(OrchestrationRuntimeStatus.Suspended, DsrRuntimeStatus.Suspended)]
    public void MapStatus_DurableStatus_MapsToTheContractsStatus(OrchestrationRuntimeStatus durable, DsrRuntimeStatus expected)
        => Assert.Equal(expected, DurableTaskClientInstanceClient.MapStatus(durable));

    [Fact]
    public async Task StartAsync_Always_SchedulesTheDsrOrchestrationWithThatInstanceId()
    {
        DsrOrchestrationInput input = Input();
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("i-1");
        using CancellationTokenSource cts = new();

        await _instances.StartAsync("i-1", input, cts.Token);

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(OrchestrationNames.DsrOrchestration),
            input,
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == "i-1" && o.StartAt == null),
            cts.Token), Times.Once);
    }

    [Fact]
    public async Task RaiseEventAsync_Always_RaisesOnTheInstance()
    {
        ApprovalDecision decision = new(true, "privacy-team");

        await _instances.RaiseEventAsync("i-1", EventNames.Approval, decision, CancellationToken.None);

        _client.Verify(c => c.RaiseEventAsync("i-1", EventNames.Approval, decision, CancellationToken.None), Times.Once);
    }

    [Fact]
    public async Task TerminateAsync_Always_TerminatesWithTheReasonAsOutput()
    {
        await _instances.TerminateAsync("i-1", "Canceled by the requester.", CancellationToken.None);

        _client.Verify(c => c.TerminateInstanceAsync("i-1", It.Is<object?>(o => Equals(o, "Canceled by the requester.")), CancellationToken.None), Times.Once);
    }

    [Fact]
    public void GetManagementUris_Always_BuildsDurableUrisAndOurStatusUri()
    {
        DsrManagementUris uris = _instances.GetManagementUris("abc123", "req 1/x", "acme", RequestUrl);

        Assert.Equal("abc123", uris.Id);
        Assert.Equal("https://zohodsr-func.azurewebsites.net/runtime/webhooks/durabletask/instances/abc123", uris.StatusQueryGetUri?.Split('?')[0]);
        Assert.StartsWith("https://zohodsr-func.azurewebsites.net/runtime/webhooks/durabletask/instances/abc123/raiseEvent/", uris.SendEventPostUri);
        Assert.StartsWith("https://zohodsr-func.azurewebsites.net/runtime/webhooks/durabletask/instances/abc123/terminate", uris.TerminatePostUri);
        Assert.Equal("https://zohodsr-func.azurewebsites.net/api/dsr/req%201%2Fx?orgId=acme", uris.StatusUri);
    }

    private static DsrOrchestrationInput Input() => new()
    {
        RequestId = "req-1",
        OrgId = "acme",
        Type = DsrRequestType.Delete,
        SubjectEmail = "subject@example.com",
        RequireApproval = true,
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };
}

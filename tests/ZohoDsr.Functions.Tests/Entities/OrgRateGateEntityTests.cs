using Microsoft.DurableTask.Entities;
using Moq;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Functions.Entities;

namespace ZohoDsr.Functions.Tests.Entities;

public sealed class OrgRateGateEntityTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    private readonly Mock<TaskEntityContext> _context = new();
    private object? _stored;
    private bool _hasState;

    public OrgRateGateEntityTests()
    {
        _context.SetupGet(c => c.Id).Returns(new EntityInstanceId(EntityNames.OrgRateGate, "acme"));
    }

    [Fact]
    public async Task RunAsync_AcquireOnNewGate_GrantsUpToCapacityAndSavesTheLease()
    {
        object? result = await Run(EntityNames.Acquire, new GateAcquireRequest("h1", 3, TimeSpan.FromMinutes(5), Now, 2, 50_000, 3));

        GateGrant grant = Assert.IsType<GateGrant>(result);
        Assert.Equal(2, grant.Granted);
        OrgRateGateState state = Assert.IsType<OrgRateGateState>(_stored);
        Assert.Equal(2, state.Leases["h1"].Permits);
        Assert.Equal(2, state.Capacity);
    }

    [Fact]
    public async Task RunAsync_AcquireWhenFull_GrantsNothingAndSaysWhenToRetry()
    {
        await Run(EntityNames.Acquire, new GateAcquireRequest("h1", 2, TimeSpan.FromMinutes(5), Now, 2, 50_000, 2));

        GateGrant grant = Assert.IsType<GateGrant>(await Run(EntityNames.Acquire, new GateAcquireRequest("h2", 1, TimeSpan.FromMinutes(5), Now.AddSeconds(1), 2, 50_000, 1)));

        Assert.Equal(0, grant.Granted);
        Assert.NotNull(grant.RetryAt);
        Assert.True(grant.RetryAt > Now);
    }

    [Fact]
    public async Task RunAsync_ReleaseThenAcquire_PermitsComeBack()
    {
        await Run(EntityNames.Acquire, new GateAcquireRequest("h1", 2, TimeSpan.FromMinutes(5), Now, 2, 50_000, 2));

        object? released = await Run(EntityNames.Release, new GateReleaseRequest("h1", Now.AddSeconds(2), 2));
        GateGrant grant = Assert.IsType<GateGrant>(await Run(EntityNames.Acquire, new GateAcquireRequest("h2", 2, TimeSpan.FromMinutes(5), Now.AddSeconds(3), 2, 50_000, 2)));

        Assert.Null(released);
        Assert.Equal(2, grant.Granted);
        OrgRateGateState state = Assert.IsType<OrgRateGateState>(_stored);
        Assert.False(state.Leases.ContainsKey("h1"));
    }

    [Theory]
    [InlineData("ACQUIRE")]
    [InlineData("Acquire")]
    public async Task RunAsync_OperationNameInAnyCase_Dispatches(string operation)
    {
        GateGrant grant = Assert.IsType<GateGrant>(await Run(operation, new GateAcquireRequest("h1", 1, TimeSpan.FromMinutes(5), Now, 4, 50_000, 1)));

        Assert.Equal(1, grant.Granted);
    }

    [Fact]
    public async Task RunAsync_UnknownOperation_Throws()
        => await Assert.ThrowsAsync<NotSupportedException>(() => Run("reset", null));

    private async Task<object?> Run(string operationName, object? input)
    {
        Mock<TaskEntityState> state = new();
        state.SetupGet(s => s.HasState).Returns(() => _hasState);
        state.Setup(s => s.GetState(typeof(OrgRateGateState))).Returns(() => _stored);
        state.Setup(s => s.SetState(It.IsAny<object?>())).Callback((object? value) =>
        {
            _stored = value;
            _hasState = value is not null;
        });

        Mock<TaskEntityOperation> operation = new();
        operation.SetupGet(o => o.Name).Returns(operationName);
        operation.SetupGet(o => o.Context).Returns(_context.Object);
        operation.SetupGet(o => o.State).Returns(state.Object);
        operation.SetupGet(o => o.HasInput).Returns(input is not null);
        operation.Setup(o => o.GetInput(It.IsAny<Type>())).Returns((Type type) => type.IsInstanceOfType(input) ? input : throw new InvalidCastException(type.Name));

        return await new OrgRateGateEntity().RunAsync(operation.Object);
    }
}

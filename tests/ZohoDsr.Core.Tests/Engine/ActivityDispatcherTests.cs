using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Engine;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Support;

namespace ZohoDsr.Core.Tests.Engine;

public sealed class ActivityDispatcherTests : IDisposable
{
    private readonly CoreTestHost _host = CoreTestHost.Create(null, []);

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Dispatcher_EveryActivityName_HasItsHandlerRegistered()
    {
        Assert.IsType<ActivityDispatcher>(_host.Get<IActivityDispatcher>());
        foreach (string name in ActivityNames.All)
        {
            Type handler = typeof(ActivityDispatcher).Assembly.GetType($"ZohoDsr.Core.Activities.{name}Handler", throwOnError: true)!;
            Assert.NotNull(_host.Services.GetRequiredService(handler));
        }
    }

    [Fact]
    public async Task Dispatch_WriteAudit_RunsHandler()
    {
        var input = new WriteAuditInput("org1", "r-1", [new AuditEntry(DateTimeOffset.UnixEpoch, "approval", null, 1, "approved")]);

        object? result = await _host.Get<IActivityDispatcher>().DispatchAsync(ActivityNames.WriteAudit, input, CancellationToken.None);

        Assert.Equal(1, Assert.IsType<WriteAuditResult>(result).Appended);
    }

    [Fact]
    public async Task Dispatch_JsonInput_ConvertedToHandlerInput()
    {
        JsonElement input = JsonSerializer.SerializeToElement(new WriteAuditInput("org1", "r-2", [new AuditEntry(DateTimeOffset.UnixEpoch, "approval", null, 1, "approved")]), DsrJson.Options);

        object? result = await _host.Get<IActivityDispatcher>().DispatchAsync(ActivityNames.WriteAudit, input, CancellationToken.None);

        Assert.Equal(1, Assert.IsType<WriteAuditResult>(result).Appended);
    }

    [Fact]
    public async Task Dispatch_UnknownName_Throws()
        => await Assert.ThrowsAsync<ArgumentException>(() => _host.Get<IActivityDispatcher>().DispatchAsync("Nope", new object(), CancellationToken.None));
}

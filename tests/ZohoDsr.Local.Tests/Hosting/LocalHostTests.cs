using Microsoft.Extensions.Logging;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Hosting;
using ZohoDsr.Local.Tests.Cli;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Local.Tests.Hosting;

public sealed class LocalHostTests : IDisposable
{
    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-host-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_RealOrgWithoutSecrets_ThrowsNamingTheKey()
    {
        LocalHostOptions options = RealOrgOptions();
        options.Settings.Remove("Zoho:Orgs:acme:ClientSecret");

        LocalHostException ex = await Assert.ThrowsAsync<LocalHostException>(() => LocalHost.StartAsync(options, CancellationToken.None));

        Assert.Contains("Zoho:Orgs:acme:ClientSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_RealOrgConfigured_StartsNoSimulator()
    {
        await using LocalHost host = await LocalHost.StartAsync(RealOrgOptions(), CancellationToken.None);

        Assert.Null(host.Demo);
        Assert.Equal(["acme"], host.OrgIds);
        Assert.True(host.SigningSecretGenerated);
        Assert.Equal(_exports, host.ExportPath);
    }

    [Fact]
    public async Task StopAsync_RequestAwaitingApproval_LeavesItInTheTaskHubForTheNextHost()
    {
        LocalHostOptions options = LocalHostFixture.CreateOptions(_exports);
        options.DemoSeed = new SeedSpec { Contacts = 20, Leads = 10, Cases = 5, RelatedPerContact = 1 };
        options.DeleteTaskHubOnStop = false;
        IReadOnlyList<UnfinishedRequest> unfinished;
        await using (LocalHost first = await LocalHost.StartAsync(options, CancellationToken.None))
        {
            string url = first.BaseAddress.AbsoluteUri;
            CliRun submit = await CliRun.InvokeAsync("submit", "--type", "delete", "--email", first.Demo!.Seed.Subject("exact").Email,
                "--require-approval", "--url", url, "--secret", LocalHostFixture.Secret, "--request-id", "stop-me");
            Assert.True(submit.ExitCode == ExitCodes.Ok, submit.Error);
            await StatusPolling.UntilAsync(url, "stop-me", "demo", v => v.Status == DsrStatus.AwaitingApproval);

            unfinished = await first.StopAsync();

            Assert.All(first.Demo.Seed.Subject("exact").ExpectedRecordIds.SelectMany(e => e.Value.Select(id => (e.Key, id))), r => Assert.True(first.Demo.Org.Exists(r.Key, r.id)));
        }

        UnfinishedRequest request = Assert.Single(unfinished);
        Assert.Equal(("stop-me", "demo", DsrStatus.AwaitingApproval), (request.RequestId, request.OrgId, request.Status));

        // A host started again on the same storage and task hub finds it, still waiting, and can act on it.
        options.Urls = "http://127.0.0.1:0";
        options.DeleteTaskHubOnStop = true;
        await using LocalHost second = await LocalHost.StartAsync(options, CancellationToken.None);
        Assert.Equal(request.InstanceId, Assert.Single(second.Resumed).InstanceId);
        CliRun cancel = await CliRun.InvokeAsync("cancel", "stop-me", "--org", "demo", "--url", second.BaseAddress.AbsoluteUri, "--secret", LocalHostFixture.Secret);
        Assert.True(cancel.ExitCode == ExitCodes.Ok, cancel.Error + cancel.Output);
        await StatusPolling.UntilAsync(second.BaseAddress.AbsoluteUri, "stop-me", "demo", v => v.Status == DsrStatus.Canceled);
    }

    private LocalHostOptions RealOrgOptions()
    {
        var options = new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            UseAmbientConfiguration = false,
            MinimumLogLevel = LogLevel.Warning,
            ExportPath = _exports,
            StatePath = Path.Combine(_exports, "state"),
            TaskHub = TestTaskHub.NewName(),
            DeleteTaskHubOnStop = true,
        };
        options.Settings["Zoho:Orgs:acme:DataCenter"] = "EU";
        options.Settings["Zoho:Orgs:acme:ClientId"] = "1000.CLIENT";
        options.Settings["Zoho:Orgs:acme:ClientSecret"] = "client-secret";
        options.Settings["Zoho:Orgs:acme:RefreshToken"] = "refresh-token";
        options.Settings["ZohoDsr:Audit:SubjectKey"] = LocalHostFixture.AuditSubjectKey;
        return options;
    }
}

using Microsoft.Extensions.Logging;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Hosting;
using ZohoDsr.Local.Tests.Cli;

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
    public async Task StopAsync_RequestAwaitingApproval_CancelsAndReportsIt()
    {
        LocalHostOptions options = LocalHostFixture.CreateOptions(_exports);
        options.DemoSeed = new SeedSpec { Contacts = 20, Leads = 10, Cases = 5, RelatedPerContact = 1 };
        await using LocalHost host = await LocalHost.StartAsync(options, CancellationToken.None);
        string url = host.BaseAddress.AbsoluteUri;
        CliRun submit = await CliRun.InvokeAsync("submit", "--type", "delete", "--email", host.Demo!.Seed.Subject("exact").Email,
            "--require-approval", "--url", url, "--secret", LocalHostFixture.Secret, "--request-id", "stop-me");
        Assert.True(submit.ExitCode == ExitCodes.Ok, submit.Error);
        await StatusPolling.UntilAsync(url, "stop-me", "demo", v => v.Status == DsrStatus.AwaitingApproval);

        IReadOnlyList<CanceledRequest> canceled = await host.StopAsync();

        CanceledRequest request = Assert.Single(canceled);
        Assert.Equal("stop-me", request.RequestId);
        Assert.Equal(nameof(DsrStatus.Canceled), request.Status);
        Assert.All(host.Demo.Seed.Subject("exact").ExpectedRecordIds.SelectMany(e => e.Value.Select(id => (e.Key, id))), r => Assert.True(host.Demo.Org.Exists(r.Key, r.id)));
    }

    private LocalHostOptions RealOrgOptions()
    {
        var options = new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            UseAmbientConfiguration = false,
            MinimumLogLevel = LogLevel.Warning,
            ExportPath = _exports,
        };
        options.Settings["Zoho:Orgs:acme:DataCenter"] = "EU";
        options.Settings["Zoho:Orgs:acme:ClientId"] = "1000.CLIENT";
        options.Settings["Zoho:Orgs:acme:ClientSecret"] = "client-secret";
        options.Settings["Zoho:Orgs:acme:RefreshToken"] = "refresh-token";
        options.Settings["ZohoDsr:Audit:SubjectKey"] = LocalHostFixture.AuditSubjectKey;
        return options;
    }
}

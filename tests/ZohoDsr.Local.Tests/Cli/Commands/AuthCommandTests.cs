using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ZohoCrm.Simulator;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Cli.Commands;
using ZohoDsr.Local.Secrets;

namespace ZohoDsr.Local.Tests.Cli.Commands;

public sealed class AuthCommandTests : IAsyncLifetime
{
    private const string Redirect = "http://127.0.0.1:7071/oauth/callback";
    private readonly string _secretsFile = Path.Combine(Path.GetTempPath(), "zohodsr-auth-" + Guid.NewGuid().ToString("N"), "secrets.json");
    private SimulatorHost _simulator = null!;
    private SimOrg _org = null!;
    private WebApplication _foreign = null!;
    private int _foreignRequests;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorHost.StartAsync(new SimulatorOptions(), CancellationToken.None);
        _org = _simulator.AddOrg(new SimOrgSpec { OrgId = "acme-eu", DataCenter = "EU" });

        // A server that is not an accounts server: whatever reaches it would be the client secret.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _foreign = builder.Build();
        _foreign.Run(context =>
        {
            Interlocked.Increment(ref _foreignRequests);
            return context.Response.WriteAsJsonAsync(new { access_token = "1000.x", refresh_token = "1000.y", api_domain = "https://www.zohoapis.eu", expires_in = 3600 });
        });
        await _foreign.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _foreign.DisposeAsync();
        await _simulator.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(_secretsFile)))
        {
            Directory.Delete(Path.GetDirectoryName(_secretsFile)!, recursive: true);
        }
    }

    [Fact]
    public async Task Auth_RedirectUrlWithCodeAndSecretOnStdin_StoresRefreshTokenInUserSecretsWithoutPrintingIt()
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);
        string redirectUrl = $"{Redirect}?state=x&code={Uri.EscapeDataString(code)}&location=eu&accounts-server={Uri.EscapeDataString(_simulator.AccountsUrl("EU").AbsoluteUri)}";

        CliRun run = await CliRun.InvokeWithInputAsync(_org.ClientSecret + "\n", "auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId,
            "--client-secret-stdin", "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri,
            "--code", redirectUrl, "--secrets-file", _secretsFile, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        IReadOnlyDictionary<string, string> secrets = new UserSecretsFile(_secretsFile).Read();
        string refreshToken = secrets["Zoho:Orgs:acme-eu:RefreshToken"];
        Assert.False(string.IsNullOrEmpty(refreshToken));
        Assert.Equal(_org.ClientId, secrets["Zoho:Orgs:acme-eu:ClientId"]);
        Assert.Equal(_org.ClientSecret, secrets["Zoho:Orgs:acme-eu:ClientSecret"]);
        Assert.Equal("EU", secrets["Zoho:Orgs:acme-eu:DataCenter"]);
        Assert.DoesNotContain(refreshToken, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_org.ClientSecret, run.Output + run.Error, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal("user-secrets", json.RootElement.GetProperty("storedIn").GetString());
    }

    [Fact]
    public async Task Auth_SecretAndThenCodeOnStdin_ReadsBothLines()
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);

        CliRun run = await CliRun.InvokeWithInputAsync($"{_org.ClientSecret}\n{code}\n", "auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId,
            "--client-secret-stdin", "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri, "--secrets-file", _secretsFile);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.False(string.IsNullOrEmpty(new UserSecretsFile(_secretsFile).Read()["Zoho:Orgs:acme-eu:RefreshToken"]));
    }

    [Fact]
    public async Task Auth_SecretInEnvironmentVariable_Exchanges()
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);
        Environment.SetEnvironmentVariable(AuthCommand.ClientSecretVariable, _org.ClientSecret);
        try
        {
            CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId,
                "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri, "--code", code, "--secrets-file", _secretsFile);

            Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AuthCommand.ClientSecretVariable, null);
        }
    }

    [Fact]
    public async Task Auth_ClientSecretOnCommandLine_RefusedNamingTheWaysToGiveItWithoutEchoingIt()
    {
        CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--client-id", _org.ClientId, "--client-secret", "visible-in-ps",
            "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri, "--code", "1000.abc", "--secrets-file", _secretsFile);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--client-secret is no longer accepted", run.Error, StringComparison.Ordinal);
        Assert.Contains(AuthCommand.ClientSecretVariable, run.Error, StringComparison.Ordinal);
        Assert.Contains("--client-secret-stdin", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("visible-in-ps", run.Error + run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_secretsFile));
    }

    [Fact]
    public async Task Auth_Help_SaysHowTheSecretIsReadAndHidesTheCommandLineOption()
    {
        CliRun run = await CliRun.InvokeAsync("auth", "--help");

        Assert.Contains(AuthCommand.ClientSecretVariable, run.Output, StringComparison.Ordinal);
        Assert.Contains("--client-secret-stdin", run.Output, StringComparison.Ordinal);
        Assert.Contains("prompt", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--client-secret ", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("https")]
    public async Task Auth_RedirectNamesAnotherAccountsServer_RefusedNamingTheHostBeforeAnythingIsSent(string scheme)
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);
        Uri foreign = new($"{scheme}://localhost:{ForeignPort}/");
        string redirectUrl = $"{Redirect}?code={Uri.EscapeDataString(code)}&location=eu&accounts-server={Uri.EscapeDataString(foreign.AbsoluteUri)}";

        CliRun run = await CliRun.InvokeWithInputAsync(_org.ClientSecret + "\n", "auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId,
            "--client-secret-stdin", "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri, "--code", redirectUrl, "--secrets-file", _secretsFile);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'localhost'", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref _foreignRequests));
        Assert.False(File.Exists(_secretsFile));
        Assert.DoesNotContain(_org.ClientSecret, run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_RedirectNamesTheConfiguredAccountsUrlOverPlainHttp_Accepted()
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);
        Uri accounts = _simulator.AccountsUrl("EU");
        string redirectUrl = $"{Redirect}?code={Uri.EscapeDataString(code)}&accounts-server={Uri.EscapeDataString(accounts.AbsoluteUri)}";

        CliRun run = await CliRun.InvokeWithInputAsync(_org.ClientSecret + "\n", "auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId,
            "--client-secret-stdin", "--accounts-url", accounts.AbsoluteUri, "--code", redirectUrl, "--secrets-file", _secretsFile);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
    }

    [Theory]
    [InlineData("https://accounts.zoho.eu", null, true)]
    [InlineData("https://accounts.zoho.com/", null, true)]
    [InlineData("https://ACCOUNTS.ZOHO.COM.AU", null, true)]
    [InlineData("https://accounts.zohocloud.ca", "http://127.0.0.1:5000/", true)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/", true)]
    [InlineData("http://accounts.zoho.eu", null, false)]
    [InlineData("https://accounts.zoho.eu:8443", null, false)]
    [InlineData("https://accounts.zoho.eu.evil.example", null, false)]
    [InlineData("https://evil.example/?accounts.zoho.com", null, false)]
    [InlineData("https://user@accounts.zoho.com", null, false)]
    [InlineData("https://accounts.zoho.com/oauth/v2/token", null, false)]
    [InlineData("http://127.0.0.1:5001/", "http://127.0.0.1:5000/", false)]
    [InlineData("https://127.0.0.1:5000/", "http://127.0.0.1:5000/", false)]
    public void CheckAccountsServer_Server_AllowedOnlyForZohoOrTheConfiguredUrl(string server, string? configured, bool allowed)
    {
        Uri? Check() => AuthCommand.CheckAccountsServer(new Uri(server), configured is null ? null : new Uri(configured));

        if (allowed)
        {
            Assert.Equal(new Uri(server), Check());
        }
        else
        {
            CliException ex = Assert.Throws<CliException>(Check);
            Assert.Equal(ExitCodes.Usage, ex.ExitCode);
            Assert.Contains($"'{new Uri(server).Host}'", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Auth_UsedCode_FailsWithZohoCodeAndStoresNothing()
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);
        string[] args = ["auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId, "--client-secret-stdin",
            "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri, "--code", code, "--secrets-file", _secretsFile];
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeWithInputAsync(_org.ClientSecret + "\n", args)).ExitCode);
        File.Delete(_secretsFile);

        CliRun again = await CliRun.InvokeWithInputAsync(_org.ClientSecret + "\n", args);

        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("invalid_code", again.Error);
        Assert.False(File.Exists(_secretsFile));
    }

    [Fact]
    public async Task Auth_NoClientId_ExitCode2NamingTheOption()
    {
        CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--code", "x", "--secrets-file", _secretsFile);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--client-id", run.Error);
    }

    [Fact]
    public async Task Auth_NoClientSecretAnywhere_ExitCode2NamingEveryWay()
    {
        CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--client-id", _org.ClientId, "--code", "x", "--secrets-file", _secretsFile);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(AuthCommand.ClientSecretVariable, run.Error, StringComparison.Ordinal);
        Assert.Contains("--client-secret-stdin", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_UnknownDataCenter_ExitCode2()
    {
        CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--data-center", "MARS", "--client-id", "c");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--data-center", run.Error);
    }

    [Theory]
    [InlineData("1000.abc", "1000.abc", null)]
    [InlineData("http://127.0.0.1:7071/oauth/callback?code=1000.xyz&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu", "1000.xyz", "https://accounts.zoho.eu/")]
    public void ParseCode_CodeOrRedirectUrl_ReturnsCodeAndAccountsServer(string text, string code, string? server)
    {
        (string parsed, Uri? accounts) = AuthCommand.ParseCode(text);

        Assert.Equal(code, parsed);
        Assert.Equal(server, accounts?.AbsoluteUri);
    }

    [Fact]
    public void ParseCode_RedirectWithError_ThrowsNamingZohosError()
    {
        CliException ex = Assert.Throws<CliException>(() => AuthCommand.ParseCode("http://127.0.0.1:7071/oauth/callback?error=access_denied"));

        Assert.Contains("access_denied", ex.Message);
    }

    private int ForeignPort => new Uri(_foreign.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
}

using System.Text.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Local.Tests.Cli.Commands;

[Collection(LocalHostCollection.Name)]
public sealed class SubmitCommandTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task Submit_AccessWithWait_CompletesAndPrintsSummaryTable()
    {
        PlantedSubject subject = fixture.Subject("exact");

        CliRun run = await CliRun.InvokeAsync("submit", "--type", "access", "--email", subject.Email, "--org", "demo",
            "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", "cli-access-wait", "--wait");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.Contains("Completed", run.Output);
        Assert.Contains("module", run.Output);
        Assert.Contains("total", run.Output);
        Assert.Contains("Export: ", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Submit_JsonWithWait_OutputParsesAndCountsMatchPlantedRecords()
    {
        PlantedSubject subject = fixture.Subject("secondary");

        CliRun run = await CliRun.InvokeAsync("submit", "--json", "--type", "access", "--email", subject.Email,
            "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", "cli-access-json", "--wait");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        DsrStatusView? view = JsonSerializer.Deserialize<DsrStatusView>(run.Output, DsrJson.Options);
        Assert.NotNull(view?.Result);
        Assert.Equal(DsrStatus.Completed, view!.Status);
        foreach ((string module, IReadOnlyList<string> ids) in subject.ExpectedRecordIds)
        {
            ModuleOutcome? outcome = view.Result!.Modules.SingleOrDefault(m => m.Module == module);
            Assert.True(outcome?.Found == ids.Count, $"{module}: found {outcome?.Found}, planted {ids.Count}");
        }
    }

    [Fact]
    public async Task Submit_JsonWithoutWait_PrintsCheckStatusPayload()
    {
        CliRun run = await CliRun.InvokeAsync("submit", "--json", "--type", "access", "--email", fixture.Subject("exact").Email,
            "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", "cli-nowait");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        DsrManagementUris? payload = JsonSerializer.Deserialize<DsrManagementUris>(run.Output, DsrJson.Options);
        Assert.Equal(DsrInstanceId.For("demo", "cli-nowait"), payload?.Id);
        Assert.Contains("/api/dsr/cli-nowait?orgId=demo", payload!.StatusUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WrongSecret_ExitCode2WithOneLineError()
    {
        CliRun run = await CliRun.InvokeAsync("submit", "--type", "access", "--email", "a@example.com",
            "--url", fixture.Url, "--secret", "wrong", "--request-id", "cli-wrong-secret");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Submit_InvalidEmail_ExitCode2NamingTheField()
    {
        CliRun run = await CliRun.InvokeAsync("submit", "--type", "delete", "--email", "not-an-email",
            "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", "cli-bad-email");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("HTTP 400", run.Error);
        Assert.Contains("subject.email", run.Error);
    }

    [Fact]
    public async Task Submit_HostNotRunning_ExitCode3()
    {
        string url = $"http://127.0.0.1:{FreePort.Next()}";

        CliRun run = await CliRun.InvokeAsync("submit", "--type", "access", "--email", "a@example.com", "--url", url, "--secret", "s");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("Cannot reach the host", run.Error);
    }

    [Fact]
    public async Task Submit_MissingType_ExitCode2()
    {
        CliRun run = await CliRun.InvokeAsync("submit", "--email", "a@example.com", "--url", fixture.Url, "--secret", "s");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--type", run.Error);
    }

    [Fact]
    public async Task Submit_UnknownType_ExitCode2NamingTheOption()
    {
        CliRun run = await CliRun.InvokeAsync("submit", "--type", "erase", "--email", "a@example.com", "--url", fixture.Url, "--secret", "s");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--type", run.Error);
    }

    [Fact]
    public async Task Submit_NoSecret_ExitCode2()
    {
        Assert.Null(Environment.GetEnvironmentVariable(Local.Cli.Commands.SubmitCommand.SecretVariable));

        CliRun run = await CliRun.InvokeAsync("submit", "--type", "access", "--email", "a@example.com", "--url", fixture.Url);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--secret", run.Error);
    }
}

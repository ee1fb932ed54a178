using ZohoDsr.Local.Cli;

namespace ZohoDsr.Local.Tests.Cli;

public sealed class LocalCliTests
{
    [Fact]
    public async Task InvokeAsync_UnknownCommand_ExitCode2()
    {
        CliRun run = await CliRun.InvokeAsync("frobnicate", "--now");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Help_ListsEveryCommand()
    {
        CliRun run = await CliRun.InvokeAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (string command in new[] { "serve", "demo", "submit", "status", "approve", "reject", "cancel", "auth" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvokeAsync_BadPort_ExitCode2()
    {
        CliRun run = await CliRun.InvokeAsync("serve", "--port", "70000");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--port", run.Error, StringComparison.Ordinal);
    }
}

using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Cli.Rendering;

namespace ZohoDsr.Local.Tests.Cli.Rendering;

public sealed class ProgressLineTests
{
    [Fact]
    public void Render_HalfTheModules_ShowsHalfBarAndCounts()
    {
        string line = ProgressLine.Render(View(DsrStatus.Running, new DsrProgress(DsrStatus.Running, "deleting", 5, 10, 12, 4, 1)));

        Assert.Contains("[############------------]", line, StringComparison.Ordinal);
        Assert.Contains("modules 5/10", line, StringComparison.Ordinal);
        Assert.Contains("found 12", line, StringComparison.Ordinal);
        Assert.Contains("deleted 4", line, StringComparison.Ordinal);
        Assert.Contains("failed 1", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_SameProgressTwice_WritesOneLineWhenRedirected()
    {
        using var output = new StringWriter();
        var progress = new ProgressLine(new CliContext(output, TextWriter.Null, Json: false, TimeProvider.System));
        DsrStatusView view = View(DsrStatus.Running, new DsrProgress(DsrStatus.Running, "searching", 1, 3, 0, 0, 0));

        progress.Update(view);
        progress.Update(view);
        progress.Update(View(DsrStatus.Running, new DsrProgress(DsrStatus.Running, "searching", 2, 3, 2, 0, 0)));

        Assert.Equal(2, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static DsrStatusView View(DsrStatus status, DsrProgress progress) => new()
    {
        RequestId = "r",
        OrgId = "o",
        InstanceId = "i",
        Status = status,
        Progress = progress,
    };
}

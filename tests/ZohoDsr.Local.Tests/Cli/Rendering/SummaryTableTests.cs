using ZohoDsr.Core.Contracts;
using ZohoDsr.Local.Cli.Rendering;

namespace ZohoDsr.Local.Tests.Cli.Rendering;

public sealed class SummaryTableTests
{
    [Fact]
    public void Render_TwoModules_AlignsColumnsAndAddsTotals()
    {
        var result = new DsrResult
        {
            RequestId = "r",
            OrgId = "o",
            Type = DsrRequestType.Delete,
            Status = DsrStatus.Completed,
            Modules =
            [
                new ModuleOutcome("Contacts", "coql", Found: 2, Deleted: 1, NotFound: 0, Failed: 1, Skipped: 0),
                new ModuleOutcome("Sales_Orders", "related-list", Found: 3, Deleted: 0, NotFound: 0, Failed: 0, Skipped: 3),
            ],
        };

        string[] lines = SummaryTable.Render(result).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(6, lines.Length);
        Assert.StartsWith("module", lines[0], StringComparison.Ordinal);
        Assert.Contains("not found", lines[0], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Equal(lines[0].Length, l.Length));
        Assert.Equal(["total", "", "5", "1", "0", "1", "3"], lines[5].Split('|').Select(c => c.Trim()));
    }
}

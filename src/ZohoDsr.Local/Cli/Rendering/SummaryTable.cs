using System.Globalization;
using System.Text;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Local.Cli.Rendering;

/// <summary>The per-module summary of a finished request: module | found | deleted | not found | failed | skipped.</summary>
public static class SummaryTable
{
    private static readonly string[] Headers = ["module", "method", "found", "deleted", "not found", "failed", "skipped"];

    public static string Render(DsrResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Modules
            .Select(m => new[] { m.Module, m.Method, N(m.Found), N(m.Deleted), N(m.NotFound), N(m.Failed), N(m.Skipped) })
            .ToList();
        rows.Add(
        [
            "total",
            string.Empty,
            N(result.Modules.Sum(m => m.Found)),
            N(result.Modules.Sum(m => m.Deleted)),
            N(result.Modules.Sum(m => m.NotFound)),
            N(result.Modules.Sum(m => m.Failed)),
            N(result.Modules.Sum(m => m.Skipped)),
        ]);

        int[] widths = [.. Headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length)))];
        var text = new StringBuilder();
        AppendRow(text, Headers, widths);
        AppendRow(text, [.. widths.Select(w => new string('-', w))], widths);
        for (int i = 0; i < rows.Count; i++)
        {
            if (i == rows.Count - 1)
            {
                AppendRow(text, [.. widths.Select(w => new string('-', w))], widths);
            }

            AppendRow(text, rows[i], widths);
        }

        return text.ToString();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : " | ");
            text.Append(i < 2 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
        }

        text.AppendLine();
    }
}

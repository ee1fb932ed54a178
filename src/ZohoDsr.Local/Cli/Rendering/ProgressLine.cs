using System.Globalization;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli.Rendering;

/// <summary>
/// A one-line progress display of a request: bar, phase, modules searched, records found / deleted / failed. On a terminal
/// the line is rewritten in place; otherwise each change is a new line.
/// </summary>
public sealed class ProgressLine(CliContext context)
{
    private const int BarWidth = 24;
    private string? _last;
    private int _lastLength;

    public static string Render(DsrStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        DsrProgress? progress = view.Progress;
        int done = progress?.ModulesDone ?? 0;
        int total = progress?.ModulesTotal ?? 0;
        double fraction = view.Status == DsrStatus.Completed ? 1 : total > 0 ? Math.Clamp((double)done / total, 0, 1) : 0;
        int filled = (int)Math.Round(fraction * BarWidth);
        string bar = new string('#', filled) + new string('-', BarWidth - filled);
        string phase = progress?.Phase is { Length: > 0 } p ? p : view.Status.ToString();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{bar}] {fraction,4:P0}  {view.Status,-16} {phase,-12} modules {done}/{total}  found {progress?.RecordsFound ?? 0}  deleted {progress?.RecordsDeleted ?? 0}  failed {progress?.RecordsFailed ?? 0}");
    }

    public void Update(DsrStatusView view)
    {
        string line = Render(view);
        if (line == _last)
        {
            return;
        }

        if (context.Interactive)
        {
            context.Output.Write("\r" + line.PadRight(_lastLength));
        }
        else
        {
            context.Output.WriteLine(line);
        }

        _last = line;
        _lastLength = line.Length;
    }

    /// <summary>Ends the rewritten line so that what follows starts on its own.</summary>
    public void Complete()
    {
        if (context.Interactive && _last is not null)
        {
            context.Output.WriteLine();
        }
    }
}

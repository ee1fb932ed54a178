using System.Globalization;
using System.Text;

namespace ZohoDsr.Benchmarks;

/// <summary>Collects a scenario's tables and notes; prints them and writes them to bench/results/{name}.md.</summary>
public sealed class ScenarioReport(string name)
{
    private readonly StringBuilder _text = new();

    public string Name { get; } = name;

    public void Note(string line)
    {
        Console.WriteLine(line);
        _text.AppendLine(line).AppendLine();
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object>> rows)
    {
        var cells = rows.Select(r => r.Select(Format).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var lines = new List<string>
        {
            "| " + string.Join(" | ", headers.Select((h, i) => h.PadRight(widths[i]))) + " |",
            "|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|",
        };
        lines.AddRange(cells.Select(r => "| " + string.Join(" | ", r.Select((c, i) => c.PadRight(widths[i]))) + " |"));
        foreach (var line in lines)
        {
            Console.WriteLine(line);
            _text.AppendLine(line);
        }

        Console.WriteLine();
        _text.AppendLine();
    }

    public string Save()
    {
        var dir = Path.Combine(FindRepoRoot(), "bench", "results");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Name + ".md");
        var header = $"# {Name}{Environment.NewLine}{Environment.NewLine}Run {DateTimeOffset.Now:yyyy-MM-dd HH:mm} on {Environment.ProcessorCount} cores, .NET {Environment.Version}.{Environment.NewLine}{Environment.NewLine}";
        File.WriteAllText(path, header + _text);
        return path;
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("N1", CultureInfo.InvariantCulture),
        long or int => string.Format(CultureInfo.InvariantCulture, "{0:N0}", value),
        TimeSpan t => t.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture) + " s",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ZohoDsrFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

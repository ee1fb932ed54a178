using System.Globalization;
using System.Text;

namespace ZohoDsr.Benchmarks;

/// <summary>
/// Collects a scenario's tables, notes and checks; prints them as they come and writes them to
/// <c>{directory}/{name}.md</c>, with any artifact (an SVG chart) beside it.
/// </summary>
public sealed class ScenarioReport(string name, string directory)
{
    private readonly StringBuilder _text = new();
    private readonly List<ScenarioCheck> _checks = [];
    private readonly Dictionary<string, string> _artifacts = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>Where <see cref="Save"/> writes.</summary>
    public string Directory { get; } = directory;

    /// <summary>The Markdown written so far.</summary>
    public string Text => _text.ToString();

    /// <summary>What the scenario checked on its own results (found what was planted, stayed under the cap, ...).</summary>
    public IReadOnlyList<ScenarioCheck> Checks => _checks;

    /// <summary>The scenario's one-line summary, if it has one.</summary>
    public string? Headline { get; private set; }

    /// <summary>File name to content of the files written beside the Markdown.</summary>
    public IReadOnlyDictionary<string, string> Artifacts => _artifacts;

    /// <summary>The default results folder: <c>bench/results</c> of the repository (<c>bench/results/quick</c> for quick runs).</summary>
    public static string DefaultDirectory(bool quick)
    {
        string results = Path.Combine(FindRepoRoot(), "bench", "results");
        return quick ? Path.Combine(results, "quick") : results;
    }

    public void Note(string line)
    {
        Console.WriteLine(line);
        _text.AppendLine(line).AppendLine();
    }

    public void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine("## " + title);
        _text.AppendLine("## " + title).AppendLine();
    }

    public void SetHeadline(string line)
    {
        Headline = line;
        Note(line);
    }

    /// <summary>Records a check; a failed one makes the run exit non-zero and the CI test fail.</summary>
    public void Check(string name, bool passed, string detail)
    {
        _checks.Add(new ScenarioCheck(name, passed, detail));
        Console.WriteLine($"[{(passed ? "ok" : "FAIL")}] {name}: {detail}");
    }

    public void Artifact(string fileName, string content) => _artifacts[fileName] = content;

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

    /// <summary>Writes the Markdown (with the checks at the end) and the artifacts; returns the Markdown's path.</summary>
    public string Save()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, Name + ".md");
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# {Name}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.Now:yyyy-MM-dd HH:mm} on {Environment.ProcessorCount} cores, .NET {Environment.Version}.")
            .AppendLine()
            .Append(_text);
        if (_checks.Count > 0)
        {
            text.AppendLine("## Checks").AppendLine();
            foreach (var check in _checks)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- [{(check.Passed ? "ok" : "FAIL")}] {check.Name}: {check.Detail}");
            }

            text.AppendLine();
        }

        File.WriteAllText(path, text.ToString());
        foreach (var (fileName, content) in _artifacts)
        {
            File.WriteAllText(Path.Combine(Directory, fileName), content);
        }

        return path;
    }

    public static string Format(object value) => value switch
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

        return System.IO.Directory.GetCurrentDirectory();
    }
}

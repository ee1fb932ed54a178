using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ZohoDsr.TestSupport;

/// <summary>
/// Every log line a test process captured (each <see cref="CapturingLoggerProvider"/> and the local host processes'
/// console output land here), and the values no line may hold: signing secrets, client secrets and keys the tests use,
/// and the planted subjects' emails, registered where they are made. Zoho-shaped tokens (<c>1000.{hex32}.{hex32}</c>:
/// access and refresh tokens, grant codes) are found without registration. A project's LogScanTests, run after every
/// other test of the project, asserts that no captured line holds any of them.
/// </summary>
public static partial class TestLogCapture
{
    private const int MinForbiddenLength = 6;

    private static readonly ConcurrentQueue<string> CapturedLines = new();
    private static readonly ConcurrentDictionary<string, string> ForbiddenValues = new(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Lines => CapturedLines;

    /// <summary>A new provider that keeps its own lines and adds them here.</summary>
    public static CapturingLoggerProvider CreateProvider() => new();

    public static void Add(string line) => CapturedLines.Enqueue(line);

    /// <summary>Registers a value no log line may hold (what it is, for the failure message).</summary>
    public static void Forbid(string what, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && value.Length >= MinForbiddenLength)
        {
            ForbiddenValues.TryAdd(value, what);
        }
    }

    /// <summary>The captured lines that hold a forbidden value or a Zoho-shaped token, each with what it holds.</summary>
    public static IReadOnlyList<string> Violations()
    {
        var found = new List<string>();
        foreach (string line in CapturedLines)
        {
            foreach ((string value, string what) in ForbiddenValues)
            {
                if (line.Contains(value, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{what}: {Redact(line, value)}");
                }
            }

            if (ZohoToken().IsMatch(line))
            {
                found.Add($"a Zoho token: {ZohoToken().Replace(line, "1000.***")}");
            }
        }

        return found;
    }

    /// <summary>How many values are registered (a scan with none would prove nothing).</summary>
    public static int ForbiddenCount => ForbiddenValues.Count;

    private static string Redact(string line, string value) => line.Replace(value, "***", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"1000\.[0-9a-f]{32}\.[0-9a-f]{32}", RegexOptions.IgnoreCase)]
    private static partial Regex ZohoToken();
}

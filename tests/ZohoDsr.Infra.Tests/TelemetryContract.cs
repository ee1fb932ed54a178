using System.Reflection;
using System.Text.RegularExpressions;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Infra.Tests;

/// <summary>
/// The telemetry names and values ZohoDsr.Core defines (<see cref="DsrTelemetry"/> and its companions), and how the
/// workbook's and alert rules' KQL is checked against them: in a query on <c>AppMetrics</c>, every double-quoted string
/// is a telemetry name or value (display text is single-quoted), and every <c>zohodsr.*</c> name anywhere is one.
/// </summary>
public static partial class TelemetryContract
{
    private static readonly string[] NotInstruments = [nameof(DsrTelemetry.MeterName), nameof(DsrTelemetry.ActivitySourceName)];

    /// <summary>Every instrument name in <see cref="DsrTelemetry"/>.</summary>
    public static IReadOnlySet<string> Instruments { get; } = Constants(typeof(DsrTelemetry))
        .Where(c => !c.Name.StartsWith("Unit", StringComparison.Ordinal) && !NotInstruments.Contains(c.Name))
        .Select(c => c.Value)
        .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> Attributes { get; } =
        Constants(typeof(DsrTelemetryAttributes)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> AttributeValues { get; } =
        new[] { typeof(DsrTelemetryValues), typeof(DsrDueBuckets), typeof(DsrErrorTypes) }
            .SelectMany(Constants)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The strings a query on AppMetrics may double-quote: names, values, and "*" (the workbook's "all orgs").</summary>
    public static IReadOnlySet<string> Known { get; } =
        Instruments.Concat(Attributes).Concat(AttributeValues).Append("*").ToHashSet(StringComparer.Ordinal);

    /// <summary>The double-quoted strings of a query on AppMetrics that are not telemetry names or values (none for other tables).</summary>
    public static IReadOnlyList<string> UnknownInQuery(string kql) =>
        !kql.TrimStart().StartsWith("AppMetrics", StringComparison.Ordinal)
            ? []
            : DoubleQuoted().Matches(kql).Select(m => m.Groups["value"].Value).Where(v => !Known.Contains(v)).Distinct().ToList();

    /// <summary>The <c>zohodsr.*</c> names in any text that are neither instruments nor attributes.</summary>
    public static IReadOnlyList<string> UnknownNames(string text) =>
        ZohoDsrName().Matches(text).Select(m => m.Value)
            .Where(n => !Instruments.Contains(n) && !Attributes.Contains(n))
            .Distinct()
            .ToList();

    /// <summary>The instrument names a text mentions.</summary>
    public static IReadOnlySet<string> InstrumentsIn(string text) =>
        ZohoDsrName().Matches(text).Select(m => m.Value).Where(Instruments.Contains).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(string Name, string Value)> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));

    [GeneratedRegex("\"(?<value>[^\"]*)\"")]
    private static partial Regex DoubleQuoted();

    [GeneratedRegex(@"\bzohodsr(\.[a-z0-9_]+)+")]
    private static partial Regex ZohoDsrName();
}

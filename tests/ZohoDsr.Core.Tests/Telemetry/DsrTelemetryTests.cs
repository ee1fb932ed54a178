using System.Reflection;
using System.Text.RegularExpressions;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Tests.Telemetry;

public sealed partial class DsrTelemetryTests
{
    private static readonly string[] NotInstrumentNames = [nameof(DsrTelemetry.MeterName), nameof(DsrTelemetry.ActivitySourceName)];

    private static Dictionary<string, string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    private static Dictionary<string, string> InstrumentNames() =>
        Constants(typeof(DsrTelemetry))
            .Where(c => !c.Key.StartsWith("Unit", StringComparison.Ordinal) && !NotInstrumentNames.Contains(c.Key))
            .ToDictionary();

    [Fact]
    public void Names_MeterAndActivitySource_AreZohoDsr()
    {
        Assert.Equal("ZohoDsr", DsrTelemetry.MeterName);
        Assert.Equal("ZohoDsr", DsrTelemetry.ActivitySourceName);
        Assert.Equal(DsrTelemetry.ActivitySourceName, DsrTelemetry.ActivitySource.Name);
    }

    [Fact]
    public void Names_EveryInstrument_LowerCaseDotSeparatedUnderZohoDsr()
    {
        var names = InstrumentNames().Values.ToList();

        Assert.Equal(15, names.Count);
        Assert.All(names, n => Assert.Matches(InstrumentName(), n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Names_NoInstrumentName_IsAlsoANamespace()
    {
        var names = InstrumentNames().Values.ToList();

        Assert.All(names, n => Assert.DoesNotContain(names, other => other.StartsWith(n + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void Units_Every_IsSecondsOrAnAnnotation()
        => Assert.All(
            Constants(typeof(DsrTelemetry)).Where(c => c.Key.StartsWith("Unit", StringComparison.Ordinal)).Select(c => c.Value),
            u => Assert.Matches(Unit(), u));

    [Fact]
    public void Attributes_Every_LowerCaseDotSeparatedAndDistinct()
    {
        var names = Constants(typeof(DsrTelemetryAttributes)).Values.ToList();

        Assert.All(names, n => Assert.Matches(AttributeName(), n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names.Where(n => n != DsrTelemetryAttributes.ErrorType), n => Assert.StartsWith("zohodsr.", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Values_EveryAttributeValue_LowerCaseTokenOrOther()
        => Assert.All(
            Constants(typeof(DsrTelemetryValues)).Values.Concat(Constants(typeof(DsrErrorTypes)).Values),
            v => Assert.Matches(@"^([a-z][a-z_]*|_OTHER)$", v));

    [Theory]
    [InlineData(-30, "overdue")]
    [InlineData(-1, "overdue")]
    [InlineData(0, "0-7")]
    [InlineData(7, "0-7")]
    [InlineData(8, "8-14")]
    [InlineData(14, "8-14")]
    [InlineData(15, "15+")]
    [InlineData(400, "15+")]
    public void DueBuckets_DaysLeft_Bucket(int daysLeft, string expected)
        => Assert.Equal(expected, DsrDueBuckets.For(daysLeft));

    [Fact]
    public void DueBuckets_All_NearestFirst()
        => Assert.Equal(["overdue", "0-7", "8-14", "15+"], DsrDueBuckets.All);

    [GeneratedRegex(@"^zohodsr(\.[a-z][a-z0-9]*(_[a-z0-9]+)*)+$")]
    private static partial Regex InstrumentName();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*(\.[a-z][a-z0-9]*(_[a-z0-9]+)*)+$")]
    private static partial Regex AttributeName();

    [GeneratedRegex(@"^(s|\{[a-z]+\})$")]
    private static partial Regex Unit();
}

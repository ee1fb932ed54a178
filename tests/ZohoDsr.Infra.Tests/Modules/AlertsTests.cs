using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace ZohoDsr.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed class AlertsTests(InfraFixture infra)
{
    private static readonly string[] RuleNames = ["approval-waiting", "credit-budget", "due-soon", "request-failed"];

    public static TheoryData<string> Plans() => new() { "flex", "premium" };

    private DeploymentSnapshot Snapshot(string plan) => plan == "flex" ? infra.Flex : infra.Premium;

    [Fact]
    public void ActionGroup_AlertEmailGiven_EmailsIt()
    {
        var group = infra.Flex.Single(OperationsQueries.ActionGroupType);
        var properties = group.At("properties");

        Assert.True(properties.At("enabled").GetBoolean());
        Assert.InRange(properties.Text("groupShortName").Length, 1, 12);
        var receiver = Assert.Single(properties.At("emailReceivers").EnumerateArray());
        Assert.Equal(InfraFixture.SampleAlertEmail, receiver.Text("emailAddress"));
        Assert.True(receiver.At("useCommonAlertSchema").GetBoolean());
        Assert.Equal(InfraFixture.EnvironmentName, group.Text("tags", "azd-env-name"));
    }

    [Fact]
    public void ActionGroup_AlertEmailEmpty_NotDeployed()
        => Assert.Empty(infra.Premium.OfType(OperationsQueries.ActionGroupType));

    [Theory]
    [MemberData(nameof(Plans))]
    public void AlertRules_EitherEmail_FourRulesOnTheDeployedWorkspace(string plan)
    {
        var snapshot = Snapshot(plan);
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces").Text("id");
        var rules = OperationsQueries.AlertRules(snapshot);

        Assert.Equal(RuleNames, rules.Keys.Order(StringComparer.Ordinal));
        Assert.All(rules.Values, rule =>
        {
            var properties = rule.At("properties");
            Assert.Equal([workspace], properties.At("scopes").EnumerateArray().Select(s => s.GetString()));
            Assert.True(properties.At("enabled").GetBoolean());
            Assert.True(properties.At("autoMitigate").GetBoolean());
            Assert.InRange(properties.At("severity").GetInt32(), 0, 4);
            Assert.False(string.IsNullOrWhiteSpace(properties.Text("displayName")));
            Assert.False(string.IsNullOrWhiteSpace(properties.Text("description")));
            Assert.True(
                XmlConvert.ToTimeSpan(properties.Text("windowSize")) >= XmlConvert.ToTimeSpan(properties.Text("evaluationFrequency")),
                rule.Text("name"));
            Assert.InRange(XmlConvert.ToTimeSpan(properties.Text("evaluationFrequency")), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        });
    }

    [Fact]
    public void AlertRules_Severities_FailuresAndDeadlinesAboveWaitsAndCredits()
    {
        var rules = OperationsQueries.AlertRules(infra.Flex);

        Assert.Equal(1, rules["request-failed"].At("properties", "severity").GetInt32());
        Assert.Equal(1, rules["due-soon"].At("properties", "severity").GetInt32());
        Assert.Equal(2, rules["approval-waiting"].At("properties", "severity").GetInt32());
        Assert.Equal(2, rules["credit-budget"].At("properties", "severity").GetInt32());
    }

    [Fact]
    public void AlertRules_AlertEmailGiven_NotifyTheActionGroup()
    {
        var group = infra.Flex.Single(OperationsQueries.ActionGroupType).Text("id");

        Assert.All(
            OperationsQueries.AlertRules(infra.Flex).Values,
            rule => Assert.Equal([group], rule.At("properties", "actions", "actionGroups").EnumerateArray().Select(a => a.GetString())));
    }

    [Fact]
    public void AlertRules_AlertEmailEmpty_FireWithoutActionGroup()
        => Assert.All(
            OperationsQueries.AlertRules(infra.Premium).Values,
            rule => Assert.Empty(rule.At("properties", "actions", "actionGroups").EnumerateArray()));

    [Theory]
    [InlineData("flex", InfraFixture.SampleFailedRequestsThreshold, InfraFixture.SampleApprovalWaitHours, InfraFixture.SampleCreditBudgetPercent)]
    [InlineData("premium", 0, 48, 80)]
    public void AlertRules_Thresholds_AreTheParameters(string plan, int failed, int approvalHours, int creditPercent)
    {
        var rules = OperationsQueries.AlertRules(Snapshot(plan));

        Assert.Equal(failed, Threshold(rules["request-failed"]));
        Assert.Equal(approvalHours, Threshold(rules["approval-waiting"]));
        Assert.Equal(creditPercent, Threshold(rules["credit-budget"]));
        Assert.Equal(0, Threshold(rules["due-soon"]));
        Assert.All(rules.Values, r => Assert.Equal("GreaterThan", OperationsQueries.Condition(r).Text("operator")));
    }

    [Theory]
    [InlineData("flex", InfraFixture.SampleDueSoonDays)]
    [InlineData("premium", 7)]
    public void AlertRules_DueSoonDays_SetTheAppsGaugeAndTheRuleText(string plan, int days)
    {
        var snapshot = Snapshot(plan);
        var rule = OperationsQueries.AlertRules(snapshot)["due-soon"];

        Assert.Equal(days.ToString(CultureInfo.InvariantCulture), snapshot.AppSettings["ZohoDsr__Deadlines__DueSoonDays"]);
        Assert.Contains($"within {days} days", rule.Text("properties", "description"), StringComparison.Ordinal);
        Assert.Contains("Name == \"zohodsr.request.due_soon\"", OperationsQueries.Condition(rule).Text("query"), StringComparison.Ordinal);
    }

    [Fact]
    public void AlertRules_Compiled_ThresholdsTraceToMainParameters()
    {
        var alerts = infra.Main.Module("alerts");
        var rules = alerts.Variable("rules").EnumerateArray().ToDictionary(r => r.Text("suffix"));
        var expected = new Dictionary<string, string>
        {
            ["request-failed"] = "failedRequestsAlertThreshold",
            ["approval-waiting"] = "approvalWaitAlertHours",
            ["credit-budget"] = "creditBudgetAlertPercent",
        };

        Assert.All(expected, e =>
        {
            var (template, parameter) = alerts.TraceParameter(rules[e.Key].Text("threshold"));
            Assert.Same(infra.Main, template);
            Assert.Equal(e.Value, parameter);
        });
        Assert.Same(infra.Main, alerts.TraceParameter(alerts.ArgumentFor("alertEmail").GetString()!).Template);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void AlertRules_Conditions_MeasureAndSplitByColumnsTheQueryReturns(string plan)
        => Assert.All(OperationsQueries.AlertRules(Snapshot(plan)).Values, rule =>
        {
            var condition = OperationsQueries.Condition(rule);
            var kql = condition.Text("query");
            Assert.StartsWith("AppMetrics", kql.TrimStart(), StringComparison.Ordinal);
            Assert.Contains(condition.Text("metricMeasureColumn"), kql, StringComparison.Ordinal);
            var dimensions = condition.At("dimensions").EnumerateArray().ToList();
            Assert.Contains(dimensions, d => d.Text("name") == "org");
            Assert.All(dimensions, d => Assert.Contains(d.Text("name"), kql, StringComparison.Ordinal));
            Assert.Equal(1, condition.At("failingPeriods", "minFailingPeriodsToAlert").GetInt32());
        });

    private static double Threshold(JsonElement rule) => OperationsQueries.Condition(rule).At("threshold").GetDouble();
}

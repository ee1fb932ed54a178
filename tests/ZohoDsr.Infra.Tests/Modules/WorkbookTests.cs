using System.Text.Json;

namespace ZohoDsr.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed class WorkbookTests(InfraFixture infra)
{
    private const string WorkspaceType = "microsoft.operationalinsights/workspaces";

    public static TheoryData<string> Plans() => new() { "flex", "premium" };

    private DeploymentSnapshot Snapshot(string plan) => plan == "flex" ? infra.Flex : infra.Premium;

    [Theory]
    [MemberData(nameof(Plans))]
    public void Workbook_Snapshot_SharedOperationsWorkbookListedUnderApplicationInsights(string plan)
    {
        var snapshot = Snapshot(plan);
        var workbook = snapshot.Single(OperationsQueries.WorkbookType);
        var properties = workbook.At("properties");

        Assert.True(Guid.TryParse(workbook.Text("name"), out _), workbook.Text("name"));
        Assert.Equal("shared", workbook.Text("kind"));
        Assert.Equal("ZohoDsr operations", properties.Text("displayName"));
        Assert.Equal("workbook", properties.Text("category"));
        Assert.Equal(snapshot.Single("Microsoft.Insights/components").Text("id"), properties.Text("sourceId"));
        Assert.Equal("ZohoDsr operations", workbook.Text("tags", "hidden-title"));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Workbook_EveryQuery_ReadsTheDeployedWorkspace(string plan)
    {
        var snapshot = Snapshot(plan);
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces").Text("id");
        var steps = OperationsQueries.WorkbookSteps(snapshot);
        var org = OperationsQueries.WorkbookParameters(snapshot)["Org"];

        Assert.NotEmpty(steps);
        Assert.All(steps.Values.Append(org), step =>
        {
            Assert.Equal(WorkspaceType, step.Text("resourceType"));
            Assert.Equal([workspace], step.At("crossComponentResources").EnumerateArray().Select(r => r.GetString()));
        });
        Assert.All(steps.Values, step => Assert.Equal("TimeRange", step.Text("timeContextFromParameter")));
        Assert.Equal(
            [snapshot.Single("Microsoft.Insights/components").Text("id")],
            OperationsQueries.WorkbookContent(snapshot).At("fallbackResourceIds").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Workbook_Steps_CoverRequestsDurationZohoApprovalsDueDatesAndFailures()
    {
        var steps = OperationsQueries.WorkbookSteps(infra.Flex);

        Assert.Equal(
            [
                "approvals-waiting", "due-dates", "error-log", "failures-by-reason", "rate-gate", "records-by-outcome",
                "requests-by-type", "requests-duration", "requests-ended", "zoho-credits", "zoho-credits-over-time",
                "zoho-spend", "zoho-throttles",
            ],
            steps.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Notebook/1.0", OperationsQueries.WorkbookContent(infra.Flex).Text("version"));
    }

    [Fact]
    public void Workbook_Duration_P50AndP95OfTheDurationHistogram()
    {
        var kql = OperationsQueries.WorkbookSteps(infra.Flex)["requests-duration"].Text("query");

        Assert.Contains("Name == \"zohodsr.request.duration\"", kql, StringComparison.Ordinal);
        Assert.Contains("percentilew(Sum / ItemCount, ItemCount, 50)", kql, StringComparison.Ordinal);
        Assert.Contains("percentilew(Sum / ItemCount, ItemCount, 95)", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_Credits_ComparesUsageWithTheBudgetPerOrg()
    {
        var kql = OperationsQueries.WorkbookSteps(infra.Flex)["zoho-credits"].Text("query");

        Assert.Contains("\"zohodsr.zoho.credit.usage\"", kql, StringComparison.Ordinal);
        Assert.Contains("\"zohodsr.zoho.credit.limit\"", kql, StringComparison.Ordinal);
        Assert.Contains("100.0 * Used / Budget", kql, StringComparison.Ordinal);
        Assert.Contains("{CreditAlertPercent}", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_DueDates_ShowsEveryBucketAndTheDueSoonCount()
    {
        var kql = OperationsQueries.WorkbookSteps(infra.Flex)["due-dates"].Text("query");

        Assert.All(ZohoDsr.Core.Telemetry.DsrDueBuckets.All, bucket => Assert.Contains($"bucket == \"{bucket}\"", kql, StringComparison.Ordinal));
        Assert.Contains("\"zohodsr.request.due_soon\"", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_Failures_ByReasonAndErrorLogLines()
    {
        var steps = OperationsQueries.WorkbookSteps(infra.Flex);

        Assert.Contains("Properties[\"error.type\"]", steps["failures-by-reason"].Text("query"), StringComparison.Ordinal);
        Assert.Contains("status == \"failed\"", steps["failures-by-reason"].Text("query"), StringComparison.Ordinal);
        Assert.StartsWith("AppTraces", steps["error-log"].Text("query").TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_Queries_ShowEveryInstrument()
    {
        var shown = OperationsQueries.WorkbookQueries(infra.Flex)
            .SelectMany(q => TelemetryContract.InstrumentsIn(q.Kql))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(TelemetryContract.Instruments.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("flex", InfraFixture.SampleCreditBudgetPercent, InfraFixture.SampleApprovalWaitHours, InfraFixture.SampleDueSoonDays)]
    [InlineData("premium", 80, 48, 7)]
    public void Workbook_Parameters_CarryTheAlertThresholds(string plan, int creditPercent, int approvalHours, int dueSoonDays)
    {
        var parameters = OperationsQueries.WorkbookParameters(Snapshot(plan));

        Assert.Equal(creditPercent.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters["CreditAlertPercent"].Text("value"));
        Assert.Equal(approvalHours.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters["ApprovalAlertHours"].Text("value"));
        Assert.Equal(dueSoonDays.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters["DueSoonDays"].Text("value"));
    }

    [Fact]
    public void Workbook_Parameters_TimeRangeAndOrgsFromTheMetrics()
    {
        var parameters = OperationsQueries.WorkbookParameters(infra.Flex);

        Assert.Equal(4, parameters["TimeRange"].At("type").GetInt32());
        Assert.Equal(2, parameters["Org"].At("type").GetInt32());
        Assert.True(parameters["Org"].At("multiSelect").GetBoolean());
        Assert.Equal("*", parameters["Org"].Text("typeSettings", "selectAllValue"));
        Assert.Contains("Properties[\"zohodsr.org.id\"]", parameters["Org"].Text("query"), StringComparison.Ordinal);
        Assert.All(
            OperationsQueries.WorkbookSteps(infra.Flex).Where(s => s.Value.Text("query").Contains("zohodsr.org.id", StringComparison.Ordinal)),
            s => Assert.Contains("in ({Org})", s.Value.Text("query"), StringComparison.Ordinal));
    }

    [Fact]
    public void Workbook_SerializedData_IsValidJsonWithoutPersonalDataFields()
    {
        var text = infra.Flex.Single(OperationsQueries.WorkbookType).Text("properties", "serializedData");

        _ = JsonDocument.Parse(text);
        Assert.DoesNotContain("email", text, StringComparison.OrdinalIgnoreCase);
    }
}

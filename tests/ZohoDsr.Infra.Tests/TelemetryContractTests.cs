namespace ZohoDsr.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class TelemetryContractTests(InfraFixture infra)
{
    public static TheoryData<string> BicepFiles() => InfraBuildTests.BicepFiles();

    [Fact]
    public void Kql_WorkbookAndAlertQueries_QuoteOnlyTelemetryNamesAndValues()
    {
        var queries = OperationsQueries.WorkbookQueries(infra.Flex).Concat(OperationsQueries.AlertQueries(infra.Flex)).ToList();

        Assert.Equal(13 + 1 + 4, queries.Count);
        Assert.All(queries, q => Assert.True(TelemetryContract.UnknownInQuery(q.Kql).Count == 0, $"{q.Name}: {string.Join(", ", TelemetryContract.UnknownInQuery(q.Kql))}"));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Source_BicepFile_NamesOnlyDefinedInstrumentsAndAttributes(string file)
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.InfraDirectory, file));

        Assert.Empty(TelemetryContract.UnknownNames(source));
    }

    [Fact]
    public void UnknownInQuery_MisspelledNameOrValue_Reported()
    {
        const string kql = """
            AppMetrics
            | where Name == "zohodsr.request.strated"
            | where tostring(Properties["zohodsr.request.status"]) == "Failed"
            | extend org = tostring(Properties["zohodsr.org.id"]), label = 'not checked'
            """;

        Assert.Equal(["zohodsr.request.strated", "Failed"], TelemetryContract.UnknownInQuery(kql));
        Assert.Equal(["zohodsr.request.strated"], TelemetryContract.UnknownNames(kql));
    }

    [Fact]
    public void UnknownInQuery_OtherTable_NotChecked()
        => Assert.Empty(TelemetryContract.UnknownInQuery("AppTraces | where Message has \"anything\""));

    [Fact]
    public void Contract_Core_DefinesTheNamesTheOperationsViewsNeed()
    {
        Assert.Equal(15, TelemetryContract.Instruments.Count);
        Assert.Contains("zohodsr.org.id", TelemetryContract.Attributes);
        Assert.Contains("failed", TelemetryContract.AttributeValues);
        Assert.Contains("overdue", TelemetryContract.AttributeValues);
    }
}

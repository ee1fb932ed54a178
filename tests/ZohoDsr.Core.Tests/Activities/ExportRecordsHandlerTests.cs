using System.Text.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class ExportRecordsHandlerTests(SeededOrgsFixture orgs) : IClassFixture<SeededOrgsFixture>
{
    [Fact]
    public async Task Handle_RestrictedContact_WritesPartWithPrivateValueAndReportsMissing()
    {
        PlantedSubject subject = orgs.RestrictedSeed.Subject("exact");
        string contactId = subject.ExpectedRecordIds["Contacts"].Single();
        const string gone = "3277650000000000001";

        ExportRecordsResult result = await orgs.Host.Get<ExportRecordsHandler>()
            .HandleAsync(new ExportRecordsInput(orgs.Restricted.OrgId, "r-exp", "Contacts", [contactId, gone], 1), CancellationToken.None);

        Assert.Null(result.Throttled);
        Assert.Equal(1, result.Count);
        Assert.Equal([gone], result.MissingIds);
        Assert.Equal("00001-Contacts.json", result.PartName);
        Assert.Equal(2, result.Spend.Calls);
        BinaryData part = (await orgs.Host.Get<IExportStore>().ReadPartAsync(orgs.Restricted.OrgId, "r-exp", result.PartName, CancellationToken.None))!;
        using JsonDocument doc = JsonDocument.Parse(part.ToMemory());
        Assert.Equal("Contacts", doc.RootElement.GetProperty("module").GetString());
        JsonElement record = Assert.Single(doc.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal(contactId, record.GetProperty("id").GetString());
        Assert.Equal(subject.Email, record.GetProperty("Email").GetString(), ignoreCase: true);
        Assert.True(record.TryGetProperty("Last_Name", out _));
    }

    [Fact]
    public async Task HandleThenFinalize_TwoModules_OneExportFileAndPartsDeleted()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        const string requestId = "r-final";
        ExportRecordsResult contacts = await orgs.Host.Get<ExportRecordsHandler>()
            .HandleAsync(new ExportRecordsInput(orgs.Open.OrgId, requestId, "Contacts", subject.ExpectedRecordIds["Contacts"], 1), CancellationToken.None);
        ExportRecordsResult calls = await orgs.Host.Get<ExportRecordsHandler>()
            .HandleAsync(new ExportRecordsInput(orgs.Open.OrgId, requestId, "Calls", subject.ExpectedRecordIds["Calls"], 2), CancellationToken.None);
        var input = new FinalizeExportInput(orgs.Open.OrgId, requestId, [contacts.PartName, calls.PartName]);

        FinalizeExportResult result = await orgs.Host.Get<FinalizeExportHandler>().HandleAsync(input, CancellationToken.None);

        int expected = subject.ExpectedRecordIds["Contacts"].Count + subject.ExpectedRecordIds["Calls"].Count;
        Assert.Equal(expected, result.Records);
        Assert.True(File.Exists(result.Location));
        using (JsonDocument export = JsonDocument.Parse(await File.ReadAllTextAsync(result.Location)))
        {
            Assert.Equal(requestId, export.RootElement.GetProperty("requestId").GetString());
            Assert.Equal(orgs.Open.OrgId, export.RootElement.GetProperty("orgId").GetString());
            Assert.True(export.RootElement.TryGetProperty("generatedAt", out _));
            JsonElement modules = export.RootElement.GetProperty("modules");
            Assert.Equal(
                subject.ExpectedRecordIds["Calls"].Order(StringComparer.Ordinal),
                modules.GetProperty("Calls").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
            Assert.Equal(subject.ExpectedRecordIds["Contacts"].Count, modules.GetProperty("Contacts").GetArrayLength());
        }

        Assert.Null(await orgs.Host.Get<IExportStore>().ReadPartAsync(orgs.Open.OrgId, requestId, contacts.PartName, CancellationToken.None));

        FinalizeExportResult retried = await orgs.Host.Get<FinalizeExportHandler>().HandleAsync(input, CancellationToken.None);
        Assert.Equal(result, retried);
    }

    [Fact]
    public async Task Handle_ConcurrentActivitiesOfOneOrg_EachSpendCountsOnlyItsOwnCalls()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        IReadOnlyList<string> calls = subject.ExpectedRecordIds["Calls"];
        IReadOnlyList<string> quotes = subject.ExpectedRecordIds["Quotes"];
        var handler = orgs.Host.Get<ExportRecordsHandler>();

        ExportRecordsResult[] results = await Task.WhenAll(
            handler.HandleAsync(new ExportRecordsInput(orgs.Open.OrgId, "r-spend", "Calls", calls, 1), CancellationToken.None),
            handler.HandleAsync(new ExportRecordsInput(orgs.Open.OrgId, "r-spend", "Quotes", quotes, 2), CancellationToken.None));

        Assert.Equal(new ApiSpend(calls.Count, calls.Count), results[0].Spend);
        Assert.Equal(new ApiSpend(quotes.Count, quotes.Count), results[1].Spend);
    }

    [Fact]
    public async Task Finalize_PartsMissingAndNoExport_Throws()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => orgs.Host.Get<FinalizeExportHandler>()
            .HandleAsync(new FinalizeExportInput(orgs.Open.OrgId, "r-lost", ["00001-Contacts.json"]), CancellationToken.None));

    [Fact]
    public async Task Finalize_NoParts_WritesEmptyExport()
    {
        FinalizeExportResult result = await orgs.Host.Get<FinalizeExportHandler>()
            .HandleAsync(new FinalizeExportInput(orgs.Open.OrgId, "r-empty", []), CancellationToken.None);

        Assert.Equal(0, result.Records);
        using JsonDocument export = JsonDocument.Parse(await File.ReadAllTextAsync(result.Location));
        Assert.Empty(export.RootElement.GetProperty("modules").EnumerateObject());
    }
}

using System.Text.Json;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class FinalizeExportHandlerTests : IDisposable
{
    private const string OrgId = "org1";
    private readonly CoreTestHost _host = CoreTestHost.Create(null, []);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Handle_PartsOfAnEarlierRunOfTheSameRequest_DeletedWithTheRest()
    {
        IExportStore store = _host.Get<IExportStore>();
        await store.WritePartAsync(OrgId, "r-again", "00003-Calls.json", Part("Calls", "9"), CancellationToken.None);
        await store.WritePartAsync(OrgId, "r-again", "00001-Contacts.json", Part("Contacts", "1"), CancellationToken.None);

        FinalizeExportResult result = await _host.Get<FinalizeExportHandler>()
            .HandleAsync(new FinalizeExportInput(OrgId, "r-again", ["00001-Contacts.json"]), CancellationToken.None);

        Assert.Equal(1, result.Records);
        Assert.Null(await store.ReadPartAsync(OrgId, "r-again", "00003-Calls.json", CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(_host.ExportPath, OrgId, "r-again", ExportPaths.PartsFolder)));
    }

    [Fact]
    public async Task Handle_RecordsWithConsentDetails_ExportSummarisesTheirLawfulBasis()
    {
        IExportStore store = _host.Get<IExportStore>();
        const string contacts = """
            {"module":"Contacts","records":[
              {"id":"11","Last_Name":"Ng","Data_Processing_Basis_Details":{"id":"77","Data_Processing_Basis":"Obtained","Consent_Through":"Email","Consent_Date":"2024-03-01","Consent_EndsOn":null}},
              {"id":"12","Last_Name":"Oh","Data_Processing_Basis_Details":null}]}
            """;
        const string leads = """{"module":"Leads","records":[{"id":"21","Data_Processing_Basis_Details":{"Data_Processing_Basis":"Legitimate Interests","Consent_Date":null}}]}""";
        await store.WritePartAsync(OrgId, "r-basis", "00001-Contacts.json", BinaryData.FromString(contacts), CancellationToken.None);
        await store.WritePartAsync(OrgId, "r-basis", "00002-Leads.json", BinaryData.FromString(leads), CancellationToken.None);

        await _host.Get<FinalizeExportHandler>().HandleAsync(new FinalizeExportInput(OrgId, "r-basis", ["00001-Contacts.json", "00002-Leads.json"]), CancellationToken.None);

        await using Stream export = (await store.OpenExportAsync(OrgId, "r-basis", CancellationToken.None))!;
        using JsonDocument document = await JsonDocument.ParseAsync(export);
        JsonElement[] basis = [.. document.RootElement.GetProperty("lawfulBasis").EnumerateArray()];
        Assert.Equal(2, basis.Length);
        Assert.Equal(
            ["Contacts", "11", "Obtained", "2024-03-01", "Email"],
            new[] { "module", "id", "basis", "consentDate", "consentThrough" }.Select(p => basis[0].GetProperty(p).GetString()));
        Assert.Equal("Leads", basis[1].GetProperty("module").GetString());
        Assert.Equal("Legitimate Interests", basis[1].GetProperty("basis").GetString());
        Assert.Equal(JsonValueKind.Null, basis[1].GetProperty("consentDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, basis[1].GetProperty("consentThrough").ValueKind);
    }

    [Fact]
    public async Task Handle_RetryAfterExportWrittenAndPartsHalfDeleted_AnswersTheExportAndDeletesTheRest()
    {
        IExportStore store = _host.Get<IExportStore>();
        await store.WritePartAsync(OrgId, "r-retry", "00001-Contacts.json", Part("Contacts", "1"), CancellationToken.None);
        await store.WritePartAsync(OrgId, "r-retry", "00002-Calls.json", Part("Calls", "2"), CancellationToken.None);
        var input = new FinalizeExportInput(OrgId, "r-retry", ["00001-Contacts.json", "00002-Calls.json"]);
        await _host.Get<FinalizeExportHandler>().HandleAsync(input, CancellationToken.None);
        await store.WritePartAsync(OrgId, "r-retry", "00002-Calls.json", Part("Calls", "2"), CancellationToken.None); // the first attempt stopped after deleting one part

        FinalizeExportResult retried = await _host.Get<FinalizeExportHandler>().HandleAsync(input, CancellationToken.None);

        Assert.Equal(2, retried.Records);
        Assert.Null(await store.ReadPartAsync(OrgId, "r-retry", "00002-Calls.json", CancellationToken.None));
    }

    private static BinaryData Part(string module, string id)
        => BinaryData.FromString(JsonSerializer.Serialize(new { module, records = new[] { new { id } } }));
}

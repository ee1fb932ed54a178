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

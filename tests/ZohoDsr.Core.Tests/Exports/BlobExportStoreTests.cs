using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ZohoDsr.Core.Exports;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Exports;

public sealed class BlobExportStoreTests : ExportStoreContractTests, IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;
    private readonly BlobContainerClient _container;

    public BlobExportStoreTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("exports");
        Store = new BlobExportStore(_container);
    }

    protected override IExportStore Store { get; }

    [Fact]
    public async Task EnsureAuditLog_NewLog_IsAppendBlobNamedByOrgAndRequest()
    {
        await Store.EnsureAuditLogAsync(OrgId, "r-7", "{\"kind\":\"header\"}", CancellationToken.None);

        BlobProperties properties = (await _container.GetBlobClient($"{OrgId}/r-7/audit.jsonl").GetPropertiesAsync()).Value;

        Assert.Equal(BlobType.Append, properties.BlobType);
    }

    [Fact]
    public async Task WritePart_Name_UnderPartsFolder()
    {
        await Store.WritePartAsync(OrgId, "r-8", "00001-Contacts.json", BinaryData.FromString("{}"), CancellationToken.None);

        Assert.True((await _container.GetBlobClient($"{OrgId}/r-8/parts/00001-Contacts.json").ExistsAsync()).Value);
    }

    [Fact]
    public async Task WriteExport_Location_IsBlobUri()
    {
        string location = await Store.WriteExportAsync(OrgId, "r-9", (s, ct) => s.WriteAsync("{}"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        Assert.Equal($"http://127.0.0.1:{_azurite.Azurite.Endpoints.BlobPort}/devstoreaccount1/exports/{OrgId}/r-9/export.json", location);
    }

    [Fact]
    public async Task WriteExport_WhileWriting_NoBlobUntilCommitted()
    {
        bool? existedDuringWrite = null;

        await Store.WriteExportAsync(
            OrgId,
            "r-staged",
            async (s, ct) =>
            {
                await s.WriteAsync(new byte[(4 * 1024 * 1024) + 10], ct);
                existedDuringWrite = (await _container.GetBlobClient($"{OrgId}/r-staged/export.json").ExistsAsync(ct)).Value;
            },
            CancellationToken.None);

        Assert.False(existedDuringWrite);
        BlobProperties properties = (await _container.GetBlobClient($"{OrgId}/r-staged/export.json").GetPropertiesAsync()).Value;
        Assert.Equal((4 * 1024 * 1024) + 10, properties.ContentLength);
        Assert.Equal("application/json", properties.ContentType);
    }
}

using Azure.Storage.Blobs;
using Xunit;
using ZohoDsr.Local.Storage;

namespace ZohoDsr.TestSupport;

/// <summary>
/// Azurite's blob, queue and table services in memory on free loopback ports, started as the local host starts them,
/// and stopped when disposed. Use as an xunit class or collection fixture.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The development account's connection string, naming the blob, queue and table endpoints.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartInMemoryAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

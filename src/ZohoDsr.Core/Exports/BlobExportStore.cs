using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ZohoDsr.Core.Exports;

/// <summary>
/// <see cref="IExportStore"/> in Azure Blob Storage (container <c>exports</c> by default): the export and its parts as
/// block blobs, the audit log as an append blob. The export is staged block by block and committed in one call, so readers
/// see the earlier export or the whole new one, never a part of it, and a writer that fails leaves nothing visible; parts
/// are single uploads. The audit log's first line is also kept in the blob's metadata at creation, so that racing writers
/// agree on it before anyone has appended.
/// </summary>
public sealed class BlobExportStore : IExportStore
{
    /// <summary>Appends are split into blocks of at most this size (Zoho-independent: the Blob service's 4 MiB block limit).</summary>
    internal const int MaxAppendBlockBytes = 4 * 1024 * 1024;

    /// <summary>The export is staged in blocks of this size and committed whole (<see cref="StagedBlockStream"/>).</summary>
    internal const int MaxStagedBlockBytes = 4 * 1024 * 1024;

    private const string FirstLineMetadataKey = "firstline";

    private readonly BlobContainerClient _container;
    private readonly Lock _readyLock = new();
    private Task? _ready;

    public BlobExportStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    /// <summary>The container this store writes to.</summary>
    public BlobContainerClient Container => _container;

    public async Task WritePartAsync(string orgId, string requestId, string partName, BinaryData content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        BlobClient blob = _container.GetBlobClient(ExportPaths.Part(orgId, requestId, partName));
        await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BinaryData?> ReadPartAsync(string orgId, string requestId, string partName, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        BlobClient blob = _container.GetBlobClient(ExportPaths.Part(orgId, requestId, partName));
        try
        {
            Response<BlobDownloadResult> result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeletePartsAsync(string orgId, string requestId, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        string prefix = ExportPaths.PartsPrefix(orgId, requestId);
        await foreach (BlobItem item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            await _container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> WriteExportAsync(string orgId, string requestId, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        BlockBlobClient blob = _container.GetBlockBlobClient(ExportPaths.Export(orgId, requestId));
        var stream = new StagedBlockStream(blob, MaxStagedBlockBytes);
        await using (stream.ConfigureAwait(false))
        {
            await write(stream, cancellationToken).ConfigureAwait(false);
            await stream.CommitAsync(new BlobHttpHeaders { ContentType = "application/json" }, cancellationToken).ConfigureAwait(false);
        }

        return blob.Uri.ToString();
    }

    public async Task<Stream?> OpenExportAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => await OpenAsync(ExportPaths.Export(orgId, requestId), cancellationToken).ConfigureAwait(false);

    public string GetExportLocation(string orgId, string requestId) => _container.GetBlobClient(ExportPaths.Export(orgId, requestId)).Uri.ToString();

    public async Task<string> EnsureAuditLogAsync(string orgId, string requestId, string firstLine, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(firstLine);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        AppendBlobClient blob = _container.GetAppendBlobClient(ExportPaths.Audit(orgId, requestId));
        string winner;
        long length;
        try
        {
            var create = new AppendBlobCreateOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
                Metadata = new Dictionary<string, string> { [FirstLineMetadataKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(firstLine)) },
                Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
            };
            await blob.CreateAsync(create, cancellationToken).ConfigureAwait(false);
            winner = firstLine;
            length = 0;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            Response<BlobProperties> properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            winner = properties.Value.Metadata.TryGetValue(FirstLineMetadataKey, out string? encoded)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded))
                : throw new InvalidOperationException($"The audit log of request '{requestId}' has no first line in its metadata.");
            length = properties.Value.ContentLength;
        }

        if (length == 0)
        {
            // Whoever appends first writes the (agreed) first line; the others see the position moved and go on.
            try
            {
                using var content = new MemoryStream(Encoding.UTF8.GetBytes(winner + "\n"));
                var append = new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = 0 } };
                await blob.AppendBlockAsync(content, append, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another writer appended the first line already.
            }
        }

        return winner;
    }

    public async Task<string> AppendAuditAsync(string orgId, string requestId, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        AppendBlobClient blob = _container.GetAppendBlobClient(ExportPaths.Audit(orgId, requestId));
        foreach (byte[] block in Blocks(lines))
        {
            using var content = new MemoryStream(block);
            await blob.AppendBlockAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return blob.Uri.ToString();
    }

    public async Task<Stream?> OpenAuditAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => await OpenAsync(ExportPaths.Audit(orgId, requestId), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// One upload with <c>If-None-Match: *</c>: the Blob service creates the blob only when it does not exist (a block blob
    /// upload is all or nothing), so of racing creators exactly one wins; the others read the winner's record.
    /// </summary>
    public async Task<ExportRecordWrite> CreateRecordIfAbsentAsync(string orgId, string requestId, string recordName, BinaryData content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        BlobClient blob = _container.GetBlobClient(ExportPaths.Record(orgId, requestId, recordName));
        try
        {
            await blob.UploadAsync(
                content,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
            return new ExportRecordWrite(true, content);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            Response<BlobDownloadResult> existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new ExportRecordWrite(false, existing.Value.Content);
        }
    }

    public async Task<BinaryData?> ReadRecordAsync(string orgId, string requestId, string recordName, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        BlobClient blob = _container.GetBlobClient(ExportPaths.Record(orgId, requestId, recordName));
        try
        {
            Response<BlobDownloadResult> result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Task<int> DeleteExportsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        => DeleteOlderThanAsync(name => !IsAuditLog(name), cutoff, cancellationToken);

    public Task<int> DeleteAuditLogsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        => DeleteOlderThanAsync(IsAuditLog, cutoff, cancellationToken);

    private static bool IsAuditLog(string blobName) => blobName.Split('/') is [_, _, ExportPaths.AuditFileName];

    /// <summary>Deletes, per request, the chosen blobs when the newest of them was written before the cutoff.</summary>
    private async Task<int> DeleteOlderThanAsync(Func<string, bool> chosen, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var requests = new Dictionary<string, (DateTimeOffset Newest, List<string> Blobs)>(StringComparer.Ordinal);
        await foreach (BlobItem item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken).ConfigureAwait(false))
        {
            string[] parts = item.Name.Split('/');
            if (parts.Length < 3 || !chosen(item.Name))
            {
                continue;
            }

            string key = parts[0] + "/" + parts[1];
            DateTimeOffset modified = item.Properties.LastModified ?? DateTimeOffset.MaxValue;
            if (!requests.TryGetValue(key, out var entry))
            {
                entry = (modified, []);
            }

            entry.Blobs.Add(item.Name);
            requests[key] = (modified > entry.Newest ? modified : entry.Newest, entry.Blobs);
        }

        int purged = 0;
        foreach ((DateTimeOffset newest, List<string> blobs) in requests.Values)
        {
            if (newest >= cutoff)
            {
                continue;
            }

            foreach (string name in blobs)
            {
                await _container.DeleteBlobIfExistsAsync(name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            purged++;
        }

        return purged;
    }

    private async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        BlobClient blob = _container.GetBlobClient(name);
        try
        {
            Response<BlobDownloadStreamingResult> result = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static IEnumerable<byte[]> Blocks(IReadOnlyList<string> lines)
    {
        using var block = new MemoryStream();
        foreach (string line in lines)
        {
            if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException("An audit line must not contain line breaks.", nameof(lines));
            }

            byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
            if (bytes.Length > MaxAppendBlockBytes)
            {
                throw new ArgumentException($"An audit line must be under {MaxAppendBlockBytes} bytes.", nameof(lines));
            }

            if (block.Length + bytes.Length > MaxAppendBlockBytes)
            {
                yield return block.ToArray();
                block.SetLength(0);
            }

            block.Write(bytes);
        }

        if (block.Length > 0)
        {
            yield return block.ToArray();
        }
    }

    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        lock (_readyLock)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            }

            return _ready.WaitAsync(cancellationToken);
        }
    }
}

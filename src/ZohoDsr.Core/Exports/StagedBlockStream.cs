using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ZohoDsr.Core.Exports;

/// <summary>
/// A write-only stream that stages what is written as uncommitted blocks of a block blob and, on <see cref="CommitAsync"/>,
/// commits them as the blob's content in one call. Until then the blob (or its earlier content) is what readers see;
/// a writer that fails or is never committed leaves only uncommitted blocks, which the service discards. Block ids carry
/// a random prefix per stream, so two writers of the same blob never mix their blocks.
/// </summary>
internal sealed class StagedBlockStream(BlockBlobClient blob, int blockSize) : Stream
{
    private readonly byte[] _prefix = Guid.NewGuid().ToByteArray();
    private readonly List<string> _blockIds = [];
    private readonly MemoryStream _buffer = new();
    private bool _committed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_committed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Stages what is still buffered and commits every staged block as the blob's content.</summary>
    public async Task CommitAsync(BlobHttpHeaders headers, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        if (_buffer.Length > 0)
        {
            await StageAsync(cancellationToken).ConfigureAwait(false);
        }

        await blob.CommitBlockListAsync(_blockIds, new CommitBlockListOptions { HttpHeaders = headers }, cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        while (!buffer.IsEmpty)
        {
            int take = Math.Min(buffer.Length, blockSize - (int)_buffer.Length);
            _buffer.Write(buffer[..take]);
            buffer = buffer[take..];
            if (_buffer.Length == blockSize)
            {
                StageAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        while (!buffer.IsEmpty)
        {
            int take = Math.Min(buffer.Length, blockSize - (int)_buffer.Length);
            _buffer.Write(buffer.Span[..take]);
            buffer = buffer[take..];
            if (_buffer.Length == blockSize)
            {
                await StageAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task StageAsync(CancellationToken cancellationToken)
    {
        byte[] id = new byte[_prefix.Length + sizeof(int)];
        _prefix.CopyTo(id, 0);
        BitConverter.TryWriteBytes(id.AsSpan(_prefix.Length), _blockIds.Count);
        string blockId = Convert.ToBase64String(id);
        _buffer.Position = 0;
        await blob.StageBlockAsync(blockId, _buffer, cancellationToken: cancellationToken).ConfigureAwait(false);
        _blockIds.Add(blockId);
        _buffer.SetLength(0);
    }
}

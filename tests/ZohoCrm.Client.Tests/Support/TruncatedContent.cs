using System.Net;

namespace ZohoCrm.Client.Tests;

/// <summary>A body that breaks off after a prefix, as when the connection drops mid-response.</summary>
internal sealed class TruncatedContent(byte[] prefix) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(prefix);
        throw new IOException("The response ended prematurely.");
    }

    protected override bool TryComputeLength(out long length)
    {
        length = prefix.Length + 1000;
        return true;
    }
}

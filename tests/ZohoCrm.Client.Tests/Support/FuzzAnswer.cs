using System.Net;
using System.Text;

namespace ZohoCrm.Client.Tests;

/// <summary>One answer a fuzz case serves: a status, raw body bytes, a content type (or none), maybe cut short mid-body.</summary>
internal sealed record FuzzAnswer(int Status, byte[] Body, string? ContentType, bool CutShort)
{
    public static FuzzAnswer Json(int status, string body) => new(status, Encoding.UTF8.GetBytes(body), "application/json", false);

    public HttpResponseMessage ToResponse()
    {
        var response = new HttpResponseMessage((HttpStatusCode)Status);
        HttpContent content = CutShort ? new TruncatedContent(Body) : new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        response.Content = content;
        return response;
    }

    public override string ToString()
    {
        string head = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)).ReplaceLineEndings(" ");
        return $"{Status} {ContentType ?? "(no type)"}{(CutShort ? " cut short" : string.Empty)} {Body.Length} bytes: {head}";
    }
}

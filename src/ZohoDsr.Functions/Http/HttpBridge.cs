using System.Collections.Specialized;
using System.Net;
using System.Text.Json;
using System.Web;
using Microsoft.Azure.Functions.Worker.Http;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Functions.Http;

/// <summary>Moves bytes between Functions' HTTP types and <see cref="DsrHttpApi"/>: raw body in, <see cref="DsrHttpResponse"/> out.</summary>
internal static class HttpBridge
{
    /// <summary>
    /// The raw body (the signature covers the bytes as sent), read up to one byte past <see cref="DsrHttpApi.MaxBodyBytes"/>:
    /// enough for the API to refuse an oversized body with its own 413, without buffering a body of any size.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        const int limit = DsrHttpApi.MaxBodyBytes + 1;
        byte[] buffer = new byte[limit];
        int length = 0;
        int read;
        while (length < limit && (read = await request.Body.ReadAsync(buffer.AsMemory(length, limit - length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return buffer.AsMemory(0, length);
    }

    /// <summary>
    /// The request as <see cref="DsrHttpApi"/> takes it: method, URL, raw body, media type and signature headers; the
    /// function key was checked by the platform before the function ran (<see cref="DsrHttpRequest.KeyCheckedByHost"/>).
    /// </summary>
    public static async Task<DsrHttpRequest> ReadAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DsrHttpRequest
        {
            Method = request.Method.ToUpperInvariant(),
            Url = request.Url,
            Body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false),
            ContentType = Header(request, "Content-Type"),
            Timestamp = Header(request, DsrRoutes.TimestampHeader),
            Signature = Header(request, DsrRoutes.SignatureHeader),
            KeyCheckedByHost = true,
        };
    }

    public static string? Header(HttpRequestData request, string name)
        => request.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    public static string? Query(HttpRequestData request, string name)
    {
        NameValueCollection query = HttpUtility.ParseQueryString(request.Url.Query);
        return query[name];
    }

    /// <summary>Writes the answer as is: status, headers, content type, JSON body (<see cref="DsrJson.Options"/>).</summary>
    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, DsrHttpResponse answer, CancellationToken cancellationToken)
    {
        HttpResponseData response = request.CreateResponse();
        response.StatusCode = (HttpStatusCode)answer.StatusCode;
        foreach ((string name, string value) in answer.Headers)
        {
            response.Headers.Remove(name);
            response.Headers.TryAddWithoutValidation(name, value);
        }

        if (answer.Body is null)
        {
            return response;
        }

        response.Headers.Remove("Content-Type");
        response.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(answer.Body, answer.Body.GetType(), DsrJson.Options);
        await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        return response;
    }
}

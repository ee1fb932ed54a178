using System.Text.Json;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Apis;

/// <summary>Writes a <see cref="DsrHttpResponse"/> unchanged: status, headers, content type, JSON (<see cref="DsrJson.Options"/>).</summary>
public sealed class DsrHttpResult(DsrHttpResponse response) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult
{
    public DsrHttpResponse Response { get; } = response;

    public int? StatusCode => Response.StatusCode;

    public string? ContentType => Response.ContentType;

    public object? Value => Response.Body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpResponse http = httpContext.Response;
        http.StatusCode = Response.StatusCode;
        foreach ((string name, string value) in Response.Headers)
        {
            http.Headers[name] = value;
        }

        if (Response.Body is null)
        {
            return;
        }

        http.ContentType = Response.ContentType;
        await JsonSerializer.SerializeAsync(http.Body, Response.Body, Response.Body.GetType(), DsrJson.Options, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

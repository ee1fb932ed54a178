using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Apis;

/// <summary>
/// Reads a request body as raw bytes (the signature covers the bytes exactly as sent), at most <see cref="MaxBytes"/>.
/// Routes that read it add <see cref="LimitAsync"/>, which answers a larger body with 413 problem details and one log line.
/// </summary>
public static class RequestBody
{
    /// <summary>Webhook bodies are small; larger ones are answered 413.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sizeFeature = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBytes;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// Endpoint filter: a body over <see cref="MaxBytes"/> (declared by <c>Content-Length</c>, or found while reading a
    /// chunked one) is answered 413 with problem details and logged as one warning, instead of surfacing as an unhandled
    /// <see cref="BadHttpRequestException"/> with its stack trace.
    /// </summary>
    public static async ValueTask<object?> LimitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        HttpContext http = context.HttpContext;
        if (http.Request.ContentLength > MaxBytes)
        {
            return TooLarge(http);
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(http);
        }
    }

    private static DsrHttpResult TooLarge(HttpContext http)
    {
        ILogger logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestBody).FullName!);
        Log.BodyTooLarge(logger, MaxBytes, StatusCodes.Status413PayloadTooLarge);
        var problem = new DsrProblemDetails
        {
            Title = "Content Too Large",
            Status = StatusCodes.Status413PayloadTooLarge,
            Detail = $"The body must be at most {MaxBytes} bytes.",
        };
        return new DsrHttpResult(new DsrHttpResponse(problem.Status, problem, DsrProblemDetails.ContentType, new Dictionary<string, string>()));
    }
}

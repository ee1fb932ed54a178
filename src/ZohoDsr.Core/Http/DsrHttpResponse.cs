namespace ZohoDsr.Core.Http;

/// <summary>
/// A host-neutral HTTP answer of <see cref="DsrHttpApi"/>: status, JSON body (serialised with <see cref="DsrJson.Options"/>),
/// content type (<c>application/json</c> or <c>application/problem+json</c>) and headers (e.g. <c>Location</c>).
/// Both hosts write it as is, so the Functions app and the local host answer byte for byte alike.
/// </summary>
public sealed record DsrHttpResponse(int StatusCode, object? Body, string ContentType, IReadOnlyDictionary<string, string> Headers);

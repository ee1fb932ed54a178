#pragma warning disable CS9113 // contract stub: the implementation uses every dependency
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The HTTP contract, host-neutral: each method takes what the route gives (raw body bytes, headers, route values, the
/// request URL) and returns a <see cref="DsrHttpResponse"/>. ZohoDsr.Functions and ZohoDsr.Local map their request types
/// onto these calls and write the response as is.
/// </summary>
public sealed class DsrHttpApi(
    IDsrInstanceClient instances,
    IOptions<DsrOptions> options,
    IOptions<ZohoCrmClientOptions> zohoOptions,
    TimeProvider timeProvider,
    ILogger<DsrHttpApi> logger)
{
    /// <summary>
    /// <c>POST /api/dsr</c>: verify the signature (401 problem on failure, stale included), parse JSON (400 problem on
    /// malformed JSON naming the position), validate (400 problem with <c>errors</c> keyed by field), then start the
    /// instance <see cref="DsrInstanceId.For"/>(orgId, requestId) unless it exists: 202 with the check-status payload and
    /// <c>Location</c> = our status URI when started; 200 with the same payload when it already existed (never a second run).
    /// </summary>
    public Task<DsrHttpResponse> SubmitAsync(ReadOnlyMemory<byte> body, string? timestampHeader, string? signatureHeader, Uri requestUrl, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary><c>GET /api/dsr/{requestId}?orgId=</c>: 200 <see cref="DsrStatusView"/>, 400 when orgId is missing, 404 when unknown.</summary>
    public Task<DsrHttpResponse> GetStatusAsync(string requestId, string? orgId, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary><c>POST /api/dsr/{requestId}/approve|reject?orgId=</c>: 202 when raised, 404 unknown, 409 when not awaiting approval.</summary>
    public Task<DsrHttpResponse> DecideAsync(string requestId, string? orgId, bool approve, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <summary><c>DELETE /api/dsr/{requestId}?orgId=</c>: 202 when terminated, 404 unknown, 409 when already finished.</summary>
    public Task<DsrHttpResponse> CancelAsync(string requestId, string? orgId, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}

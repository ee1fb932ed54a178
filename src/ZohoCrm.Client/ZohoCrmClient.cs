using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client;

/// <summary>
/// The Zoho CRM REST client for one org: records, search, COQL, related lists, delete, metadata. Paths follow the org's
/// API version; every call is authorised by <see cref="ZohoTokenProvider"/> (a 401 <c>INVALID_TOKEN</c> refreshes once and
/// retries once); transient failures are retried with jitter; a 429 surfaces as <see cref="ZohoThrottledException"/>
/// unless <see cref="ZohoCrmClientOptions.RetryThrottledInProcess"/> is on. Every method is virtual for mocking.
/// </summary>
public class ZohoCrmClient
{
    /// <summary>For mocking.</summary>
    protected ZohoCrmClient()
    {
        OrgId = string.Empty;
    }

    /// <summary>Creates a client for one org. Prefer <see cref="IZohoCrmClientFactory"/> from DI.</summary>
    public ZohoCrmClient(
        string orgId,
        HttpClient httpClient,
        ZohoTokenProvider tokenProvider,
        IOptions<ZohoCrmClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ZohoCrmClient> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        OrgId = orgId;
        throw new NotImplementedException();
    }

    /// <summary>The org this client talks to.</summary>
    public virtual string OrgId { get; }

    /// <summary>The API version this org's calls use.</summary>
    public virtual ZohoCrmClientOptions.ServiceVersion Version => throw new NotImplementedException();

    /// <summary>The org's edition limits and this client's spend so far.</summary>
    public virtual ZohoUsage Usage => throw new NotImplementedException();

    /// <summary><c>GET /org</c>: privacy settings and licence details.</summary>
    public virtual Task<ZohoOrg> GetOrgAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>GET /settings/fields?module=</c>: the module's fields (email fields, private and restricted ones).</summary>
    public virtual Task<IReadOnlyList<ZohoField>> GetFieldsAsync(string module, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>GET /settings/related_lists?module=</c>: the module's related lists by their API names.</summary>
    public virtual Task<IReadOnlyList<ZohoRelatedList>> GetRelatedListsAsync(string module, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// <c>GET /{module}</c>, every page: <c>page</c> up to 2,000 records, then <c>page_token</c>. <paramref name="fields"/> is
    /// mandatory on v3+ (at most 50).
    /// </summary>
    public virtual IAsyncEnumerable<ZohoRecord> ListRecordsAsync(string module, IReadOnlyList<string> fields, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>GET /{module}/{id}</c>, all fields (private ones with <paramref name="includePrivateFields"/>); null when Zoho says the record does not exist.</summary>
    public virtual Task<ZohoRecord?> GetRecordAsync(string module, string id, bool includePrivateFields = false, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// <c>GET /{module}/search?email=</c>, every page: all email fields of the module, fuzzy ("contains"), at most 2,000
    /// results (then <c>LIMIT_REACHED</c>), blind to records written moments ago. Filter exactly.
    /// </summary>
    public virtual IAsyncEnumerable<ZohoRecord> SearchByEmailAsync(string module, string email, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>GET /{module}/search?criteria=</c>, every page (same caveats as <see cref="SearchByEmailAsync"/>).</summary>
    public virtual IAsyncEnumerable<ZohoRecord> SearchByCriteriaAsync(string module, ZohoSearchCriteria criteria, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>POST /coql</c>, every page by LIMIT/OFFSET within the version's limits: exact and immediate.</summary>
    public virtual IAsyncEnumerable<ZohoRecord> QueryAsync(CoqlQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>GET /{module}/{id}/{relatedList}</c>, every page (<paramref name="fields"/> mandatory on v3+).</summary>
    public virtual IAsyncEnumerable<ZohoRecord> GetRelatedRecordsAsync(string module, string id, string relatedList, IReadOnlyList<string> fields, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>DELETE /{module}?ids=</c> (1 to 100 ids): every record's own outcome, failures included.</summary>
    public virtual Task<IReadOnlyList<ZohoDeleteResult>> DeleteRecordsAsync(string module, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary><c>GET /{module}/deleted?type=</c>, every page.</summary>
    public virtual IAsyncEnumerable<ZohoDeletedRecord> ListDeletedRecordsAsync(string module, ZohoDeletedRecordType type = ZohoDeletedRecordType.All, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// <c>DELETE /settings/recycle_bin?ids=</c> (v7+; 1 to 100 ids): permanently deletes records from the recycle bin.
    /// Throws <see cref="NotSupportedException"/> on v2, which has no such endpoint.
    /// </summary>
    public virtual Task<IReadOnlyList<ZohoDeleteResult>> PurgeFromRecycleBinAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

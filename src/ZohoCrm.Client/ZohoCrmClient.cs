using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client;

/// <summary>
/// The Zoho CRM REST client for one org: records, search, COQL, related lists, delete, metadata. Paths follow the org's
/// API version. Every call goes through one pipeline: the org's access token from <see cref="ZohoTokenProvider"/> (a 401
/// <c>INVALID_TOKEN</c> refreshes once and resends once), the HTTP client's resilience handler (transient retries of
/// reads, the org's circuit breaker, timeouts), then one mapping of Zoho's answers to <see cref="ZohoApiException"/>. A 429
/// surfaces at once as <see cref="ZohoThrottledException"/>: the client never waits on or retries it, the caller owns
/// backoff. Every method is virtual for mocking.
/// </summary>
/// <remarks>
/// Records handed out are copies: keeping one does not keep its page's buffers alive.
/// </remarks>
public class ZohoCrmClient
{
    /// <summary>Records per page for list, search, related and deleted-record calls (Zoho's maximum).</summary>
    public const int PageSize = ZohoRecordPager.PageSize;

    /// <summary>Records reachable with <c>page</c> before <c>page_token</c> is required (v3+).</summary>
    public const int DiscretePagingLimit = ZohoRecordPager.DiscretePagingLimit;

    /// <summary>Ids per delete call (Zoho's maximum).</summary>
    public const int MaxIdsPerDelete = 100;

    /// <summary>Fields per list call (Zoho's maximum).</summary>
    public const int MaxFields = 50;

    private readonly ZohoPipeline _pipeline = null!;
    private readonly ZohoRecordPager _pager = null!;
    private readonly ZohoCrmClientOptions _options = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly ZohoUsageTracker _usage = null!;
    private readonly ZohoCrmClientOptions.ServiceVersion _version;

    /// <summary>For mocking.</summary>
    protected ZohoCrmClient()
    {
        OrgId = string.Empty;
    }

    /// <summary>Creates a client for one org. Prefer <see cref="IZohoCrmClientFactory"/> from DI.</summary>
    /// <param name="orgId">The org, as configured under <c>Zoho:Orgs</c>.</param>
    /// <param name="httpClient">
    /// The HTTP client calls go through (the factory's carries the resilience handler); the client adds authorisation.
    /// </param>
    /// <param name="tokenProvider">Gives the org's access tokens.</param>
    /// <param name="options">The client options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    public ZohoCrmClient(
        string orgId,
        HttpClient httpClient,
        ZohoTokenProvider tokenProvider,
        IOptions<ZohoCrmClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ZohoCrmClient> logger)
        : this(orgId, httpClient, tokenProvider, options, timeProvider, logger, usage: null)
    {
    }

    internal ZohoCrmClient(
        string orgId,
        HttpClient httpClient,
        ZohoTokenProvider tokenProvider,
        IOptions<ZohoCrmClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ZohoCrmClient> logger,
        ZohoUsageTracker? usage)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        OrgId = orgId;
        _options = options.Value;
        _logger = logger;
        if (!_options.Orgs.TryGetValue(orgId, out ZohoOrgOptions? org))
        {
            throw new ArgumentException($"Zoho org '{orgId}' is not configured (Zoho:Orgs:{orgId}).", nameof(orgId));
        }

        _version = org.Version ?? _options.Version;
        _usage = usage ?? CreateUsageTracker(org, _options);
        string versionSegment = IsV2 ? "crm/v2/" : "crm/v8/";
        _pipeline = new ZohoPipeline(orgId, versionSegment, httpClient, tokenProvider, _usage, timeProvider, logger);
        _pager = new ZohoRecordPager(_pipeline, IsV2);
    }

    /// <summary>The org this client talks to.</summary>
    public virtual string OrgId { get; }

    /// <summary>The API version this org's calls use.</summary>
    public virtual ZohoCrmClientOptions.ServiceVersion Version => _version;

    /// <summary>The org's edition limits and this client's spend so far.</summary>
    public virtual ZohoUsage Usage => _usage.Snapshot();

    private bool IsV2 => _version == ZohoCrmClientOptions.ServiceVersion.V2;

    /// <summary><c>GET /org</c>: privacy settings and licence details.</summary>
    public virtual async Task<ZohoOrg> GetOrgAsync(CancellationToken cancellationToken = default)
    {
        using ZohoResponse response = await _pipeline.SendAsync(new ZohoRequest(HttpMethod.Get, "org", "get org", null, ZohoScopes.OrgAll, ZohoCredits.Default), cancellationToken).ConfigureAwait(false);
        return response.TryGetArray("org", out JsonElement orgs) && orgs.GetArrayLength() > 0
            ? ZohoModelReader.Org(orgs[0])
            : throw _pipeline.Unexpected(response, "the response has no org");
    }

    /// <summary><c>GET /settings/fields?module=</c>: the module's fields (email fields, private and restricted ones).</summary>
    public virtual async Task<IReadOnlyList<ZohoField>> GetFieldsAsync(string module, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        var request = new ZohoRequest(HttpMethod.Get, "settings/fields?module=" + Uri.EscapeDataString(module), "get fields", module, ZohoScopes.SettingsAll, ZohoCredits.Default);
        using ZohoResponse response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsEmpty)
        {
            return [];
        }

        return response.TryGetArray("fields", out JsonElement fields)
            ? ZohoModelReader.Fields(fields)
            : throw _pipeline.Unexpected(response, "the response has no fields");
    }

    /// <summary><c>GET /settings/related_lists?module=</c>: the module's related lists by their API names.</summary>
    public virtual async Task<IReadOnlyList<ZohoRelatedList>> GetRelatedListsAsync(string module, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        var request = new ZohoRequest(HttpMethod.Get, "settings/related_lists?module=" + Uri.EscapeDataString(module), "get related lists", module, ZohoScopes.SettingsAll, ZohoCredits.Default);
        using ZohoResponse response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsEmpty)
        {
            return [];
        }

        return response.TryGetArray("related_lists", out JsonElement lists)
            ? ZohoModelReader.RelatedLists(lists)
            : throw _pipeline.Unexpected(response, "the response has no related_lists");
    }

    /// <summary>
    /// <c>GET /{module}</c>, every page: <c>page</c> up to 2,000 records, then <c>page_token</c>. <paramref name="fields"/> is
    /// mandatory on v3+ (at most 50).
    /// </summary>
    public virtual IAsyncEnumerable<ZohoRecord> ListRecordsAsync(string module, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
        => ListRecordsAsync(module, fields, ids: null, cancellationToken);

    /// <summary><c>GET /{module}?ids=</c>: the given records (at most 100 ids), every page; otherwise as <see cref="ListRecordsAsync(string, IReadOnlyList{string}, CancellationToken)"/>.</summary>
    public virtual IAsyncEnumerable<ZohoRecord> ListRecordsAsync(string module, IReadOnlyList<string> fields, IReadOnlyCollection<string>? ids, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        string query = ZohoArguments.FieldsQuery(fields, nameof(fields), required: !IsV2, MaxFields);
        if (ids is not null)
        {
            ZohoArguments.ValidateIds(ids, nameof(ids), MaxIdsPerDelete);
            query = ZohoArguments.Append(query, "ids=" + string.Join(',', ids));
        }

        var listing = new ZohoPageRequest(Uri.EscapeDataString(module), query, "list records", module, ZohoScopes.ModulesAll, ZohoCredits.Default, TokenPaging: true);
        return _pager.ReadAsync(listing, ZohoModelReader.Record, cancellationToken);
    }

    /// <summary><c>GET /{module}/{id}</c>, all fields (private ones with <paramref name="includePrivateFields"/>); null when Zoho says the record does not exist.</summary>
    public virtual async Task<ZohoRecord?> GetRecordAsync(string module, string id, bool includePrivateFields = false, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        ZohoArguments.ValidateId(id, nameof(id));
        string path = Uri.EscapeDataString(module) + "/" + Uri.EscapeDataString(id) + (includePrivateFields ? "?include=private_fields" : string.Empty);
        ZohoResponse response;
        try
        {
            response = await _pipeline.SendAsync(new ZohoRequest(HttpMethod.Get, path, "get record", module, ZohoScopes.ModulesAll, ZohoCredits.Default), cancellationToken).ConfigureAwait(false);
        }
        catch (ZohoApiException ex) when (ex.Status == 400 && ex.Code == "INVALID_DATA")
        {
            return null;
        }

        using (response)
        {
            if (response.IsEmpty)
            {
                return null;
            }

            if (!response.TryGetArray("data", out JsonElement data) || (data.GetArrayLength() > 0 && data[0].ValueKind != JsonValueKind.Object))
            {
                throw _pipeline.Unexpected(response, "the response has no data");
            }

            return data.GetArrayLength() == 0 ? null : ZohoModelReader.Record(data[0]);
        }
    }

    /// <summary>
    /// <c>GET /{module}/search?email=</c>, every page: all email fields of the module, fuzzy ("contains"), at most 2,000
    /// results (then <c>LIMIT_REACHED</c>), blind to records written moments ago. Filter exactly.
    /// </summary>
    public virtual IAsyncEnumerable<ZohoRecord> SearchByEmailAsync(string module, string email, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var listing = new ZohoPageRequest(Uri.EscapeDataString(module) + "/search", "email=" + Uri.EscapeDataString(email.Trim()), "search records", module, ZohoScopes.SearchRead, ZohoCredits.Default, TokenPaging: false);
        return _pager.ReadAsync(listing, ZohoModelReader.Record, cancellationToken);
    }

    /// <summary><c>GET /{module}/search?criteria=</c>, every page (same caveats as <see cref="SearchByEmailAsync"/>).</summary>
    public virtual IAsyncEnumerable<ZohoRecord> SearchByCriteriaAsync(string module, ZohoSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        ArgumentNullException.ThrowIfNull(criteria);
        var listing = new ZohoPageRequest(Uri.EscapeDataString(module) + "/search", "criteria=" + Uri.EscapeDataString(criteria.Text), "search records", module, ZohoScopes.SearchRead, ZohoCredits.Default, TokenPaging: false);
        return _pager.ReadAsync(listing, ZohoModelReader.Record, cancellationToken);
    }

    /// <summary>
    /// <c>POST /coql</c>, every page, ordered by <c>id</c>: exact and immediate. The first call asks LIMIT 200 (1 credit);
    /// only a full page with more to come raises the LIMIT, to 1,000 (2 credits) then
    /// <see cref="ZohoCrmClientOptions.CoqlPageSize"/> (v8; v2 stays at 200). Paged by LIMIT/OFFSET within
    /// <see cref="ZohoCrmClientOptions.CoqlMaxOffset"/>, then by keyset (<c>id &gt;= 'last id seen'</c>), so any number of
    /// rows can be read.
    /// </summary>
    public virtual IAsyncEnumerable<ZohoRecord> QueryAsync(CoqlQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        int maxLimit = IsV2 ? PageSize : _options.CoqlPageSize;
        return CoqlPager.ReadAsync(_pipeline, _logger, query, maxLimit, _options.CoqlMaxOffset, cancellationToken);
    }

    /// <summary><c>GET /{module}/{id}/{relatedList}</c>, every page (<paramref name="fields"/> mandatory on v3+).</summary>
    public virtual IAsyncEnumerable<ZohoRecord> GetRelatedRecordsAsync(string module, string id, string relatedList, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        ZohoArguments.ValidateId(id, nameof(id));
        ZohoArguments.ValidateName(relatedList, nameof(relatedList));
        string query = ZohoArguments.FieldsQuery(fields, nameof(fields), required: !IsV2, MaxFields);
        string path = Uri.EscapeDataString(module) + "/" + Uri.EscapeDataString(id) + "/" + Uri.EscapeDataString(relatedList);
        var listing = new ZohoPageRequest(path, query, "get related records", module, ZohoScopes.ModulesAll, ZohoCredits.Default, TokenPaging: true);
        return _pager.ReadAsync(listing, ZohoModelReader.Record, cancellationToken);
    }

    /// <summary>
    /// <c>DELETE /{module}?ids=</c> (1 to 100 ids): every record's own outcome, failures included. Sent once: never
    /// repeated after a transient failure. When the answer is lost (a dropped connection, a timeout, a 408/5xx, an
    /// unreadable 2xx), throws <see cref="ZohoOutcomeUnknownException"/> carrying the ids, for the caller to reconcile.
    /// </summary>
    public virtual Task<IReadOnlyList<ZohoDeleteResult>> DeleteRecordsAsync(string module, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        ZohoArguments.ValidateIds(ids, nameof(ids), MaxIdsPerDelete);
        var request = new ZohoRequest(HttpMethod.Delete, Uri.EscapeDataString(module) + "?ids=" + string.Join(',', ids), "delete records", module, ZohoScopes.ModulesAll, ZohoCredits.Default, PerRecordResults: true) { Ids = [.. ids] };
        return DeleteAsync(request, ids, cancellationToken);
    }

    /// <summary><c>GET /{module}/deleted?type=</c>, every page.</summary>
    public virtual IAsyncEnumerable<ZohoDeletedRecord> ListDeletedRecordsAsync(string module, ZohoDeletedRecordType type = ZohoDeletedRecordType.All, CancellationToken cancellationToken = default)
    {
        ZohoArguments.ValidateName(module, nameof(module));
        string typeName = type switch
        {
            ZohoDeletedRecordType.All => "all",
            ZohoDeletedRecordType.Recycle => "recycle",
            ZohoDeletedRecordType.Permanent => "permanent",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown deleted-record type."),
        };
        var listing = new ZohoPageRequest(Uri.EscapeDataString(module) + "/deleted", "type=" + typeName, "list deleted records", module, ZohoScopes.ModulesAll, ZohoCredits.DeletedRecords, TokenPaging: true);
        return _pager.ReadAsync(listing, ZohoModelReader.DeletedRecord, cancellationToken);
    }

    /// <summary>
    /// <c>DELETE /settings/recycle_bin?ids=</c> (v7+; 1 to 100 ids): permanently deletes records from the recycle bin.
    /// Sent once, like <see cref="DeleteRecordsAsync"/> (a lost answer is <see cref="ZohoOutcomeUnknownException"/>).
    /// Throws <see cref="NotSupportedException"/> on v2, which has no such endpoint.
    /// </summary>
    public virtual Task<IReadOnlyList<ZohoDeleteResult>> PurgeFromRecycleBinAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (IsV2)
        {
            throw new NotSupportedException("Zoho CRM API v2 has no recycle-bin endpoint; purging needs v7 or later (set Zoho:Orgs:{orgId}:Version to V8).");
        }

        ZohoArguments.ValidateIds(ids, nameof(ids), MaxIdsPerDelete);
        var request = new ZohoRequest(HttpMethod.Delete, "settings/recycle_bin?ids=" + string.Join(',', ids), "purge recycle bin", null, ZohoScopes.SettingsAll, ZohoCredits.Default, PerRecordResults: true) { Ids = [.. ids] };
        return DeleteAsync(request, ids, cancellationToken);
    }

    internal static ZohoUsageTracker CreateUsageTracker(ZohoOrgOptions org, ZohoCrmClientOptions options)
        => new(ZohoEditionLimits.For(org.Edition, org.UserLicenses), options.BudgetFraction);

    private async Task<IReadOnlyList<ZohoDeleteResult>> DeleteAsync(ZohoRequest request, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        // The pipeline hands back only answers with per-record data[] (anything else is an error or an unknown outcome).
        using ZohoResponse response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.TryGetArray("data", out JsonElement data);
        List<ZohoDeleteResult> results = ZohoModelReader.DeleteResults(data, ids);
        int failed = results.Count(r => !r.Succeeded);
        if (failed > 0)
        {
            Log.DeletePartiallyFailed(_logger, OrgId, request.Module, failed);
        }

        return results;
    }
}

using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ZohoCrm.Client;

/// <summary>
/// The Zoho CRM REST client for one org: records, search, COQL, related lists, delete, metadata. Paths follow the org's
/// API version; every call is authorised by <see cref="ZohoTokenProvider"/> (a 401 <c>INVALID_TOKEN</c> refreshes once and
/// retries once); transient failures are retried with jitter; a 429 surfaces at once as <see cref="ZohoThrottledException"/>
/// (never waited on or retried here: the caller owns backoff). Every method is virtual for mocking.
/// </summary>
/// <remarks>
/// COQL paging: every query is ordered by <c>id</c> and paged by LIMIT/OFFSET while OFFSET + LIMIT stays within
/// <see cref="ZohoCrmClientOptions.CoqlMaxOffset"/> (v2: LIMIT 200; v8: <see cref="ZohoCrmClientOptions.CoqlPageSize"/>).
/// When that window is used up and Zoho still reports <c>more_records</c>, paging continues by keyset: the condition is
/// narrowed to <c>id &gt;= 'last id seen'</c> (rows already returned are skipped) and OFFSET starts again at 0, so any
/// number of rows can be read.
/// </remarks>
public class ZohoCrmClient
{
    /// <summary>Records per page for list, search, related and deleted-record calls (Zoho's maximum).</summary>
    public const int PageSize = 200;

    /// <summary>Records reachable with <c>page</c> before <c>page_token</c> is required (v3+).</summary>
    public const int DiscretePagingLimit = 2_000;

    /// <summary>Ids per delete call (Zoho's maximum).</summary>
    public const int MaxIdsPerDelete = 100;

    /// <summary>Fields per list call (Zoho's maximum).</summary>
    public const int MaxFields = 50;

    private const string ThrottledCode = "TOO_MANY_REQUESTS";

    private readonly HttpClient _httpClient = null!;
    private readonly ZohoTokenProvider _tokenProvider = null!;
    private readonly ZohoCrmClientOptions _options = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly ZohoUsageTracker _usage = null!;
    private readonly ZohoCrmClientOptions.ServiceVersion _version;
    private readonly string _versionSegment = string.Empty;

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
        _httpClient = httpClient;
        _tokenProvider = tokenProvider;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        if (!_options.Orgs.TryGetValue(orgId, out ZohoOrgOptions? org))
        {
            throw new ArgumentException($"Zoho org '{orgId}' is not configured (Zoho:Orgs:{orgId}).", nameof(orgId));
        }

        _version = org.Version ?? _options.Version;
        _versionSegment = _version == ZohoCrmClientOptions.ServiceVersion.V2 ? "/crm/v2/" : "/crm/v8/";
        _usage = usage ?? CreateUsageTracker(org, _options);
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
        ZohoResult result = await SendAsync(new ZohoRequest(HttpMethod.Get, "org", "get org", null, ZohoScopes.OrgAll, ZohoCredits.Default), cancellationToken).ConfigureAwait(false);
        if (!result.TryGetArray("org", out JsonElement orgs) || orgs.GetArrayLength() == 0)
        {
            throw Malformed(result.Status, "get org", null, "the response has no org");
        }

        JsonElement org = orgs[0];
        JsonElement? license = ZohoJson.GetObject(org, "license_details");
        long? users = license is JsonElement l ? ZohoJson.GetInt64(l, "users_license_purchased") : null;
        return new ZohoOrg(
            ZohoJson.GetString(org, "id") ?? string.Empty,
            ZohoJson.GetString(org, "company_name"),
            ZohoJson.GetBool(org, "privacy_settings"),
            license is JsonElement lic ? ZohoJson.GetString(lic, "paid_type") : null,
            users is long u ? (int)Math.Min(u, int.MaxValue) : null);
    }

    /// <summary><c>GET /settings/fields?module=</c>: the module's fields (email fields, private and restricted ones).</summary>
    public virtual async Task<IReadOnlyList<ZohoField>> GetFieldsAsync(string module, CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        ZohoResult result = await SendAsync(
            new ZohoRequest(HttpMethod.Get, "settings/fields?module=" + Uri.EscapeDataString(module), "get fields", module, ZohoScopes.SettingsAll, ZohoCredits.Default),
            cancellationToken).ConfigureAwait(false);
        if (result.IsEmpty)
        {
            return [];
        }

        if (!result.TryGetArray("fields", out JsonElement fields))
        {
            throw Malformed(result.Status, "get fields", module, "the response has no fields");
        }

        var list = new List<ZohoField>(fields.GetArrayLength());
        foreach (JsonElement field in fields.EnumerateArray())
        {
            string? apiName = ZohoJson.GetString(field, "api_name");
            if (apiName is null)
            {
                continue;
            }

            ZohoFieldPrivacy? privacy = ZohoJson.GetObject(field, "private") is JsonElement p
                ? new ZohoFieldPrivacy(ZohoJson.GetBool(p, "restricted"), ZohoJson.GetString(p, "type"), ZohoJson.GetBool(p, "export"))
                : null;
            list.Add(new ZohoField(apiName, ZohoJson.GetString(field, "data_type") ?? string.Empty, privacy, LookupModuleOf(field)));
        }

        return list;
    }

    /// <summary><c>GET /settings/related_lists?module=</c>: the module's related lists by their API names.</summary>
    public virtual async Task<IReadOnlyList<ZohoRelatedList>> GetRelatedListsAsync(string module, CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        ZohoResult result = await SendAsync(
            new ZohoRequest(HttpMethod.Get, "settings/related_lists?module=" + Uri.EscapeDataString(module), "get related lists", module, ZohoScopes.SettingsAll, ZohoCredits.Default),
            cancellationToken).ConfigureAwait(false);
        if (result.IsEmpty)
        {
            return [];
        }

        if (!result.TryGetArray("related_lists", out JsonElement lists))
        {
            throw Malformed(result.Status, "get related lists", module, "the response has no related_lists");
        }

        var list = new List<ZohoRelatedList>(lists.GetArrayLength());
        foreach (JsonElement item in lists.EnumerateArray())
        {
            string? apiName = ZohoJson.GetString(item, "api_name");
            if (apiName is null)
            {
                continue;
            }

            string? target = ZohoJson.GetObject(item, "module") is JsonElement m ? ZohoJson.GetString(m, "api_name") : ZohoJson.GetString(item, "module");
            list.Add(new ZohoRelatedList(apiName, target, ZohoJson.GetString(item, "display_label"), ZohoJson.GetBool(item, "visible", fallback: true)));
        }

        return list;
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
        ValidateName(module, nameof(module));
        string query = FieldsQuery(fields, nameof(fields), required: !IsV2);
        if (ids is not null)
        {
            ValidateIds(ids, nameof(ids));
            query = Append(query, "ids=" + string.Join(',', ids));
        }

        return ReadRecordsAsync(
            PagedAsync(Uri.EscapeDataString(module), query, "list records", module, ZohoScopes.ModulesAll, ZohoCredits.Default, tokenPaging: true, cancellationToken),
            cancellationToken);
    }

    /// <summary><c>GET /{module}/{id}</c>, all fields (private ones with <paramref name="includePrivateFields"/>); null when Zoho says the record does not exist.</summary>
    public virtual async Task<ZohoRecord?> GetRecordAsync(string module, string id, bool includePrivateFields = false, CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        ValidateId(id, nameof(id));
        string path = Uri.EscapeDataString(module) + "/" + Uri.EscapeDataString(id) + (includePrivateFields ? "?include=private_fields" : string.Empty);
        ZohoResult result;
        try
        {
            result = await SendAsync(new ZohoRequest(HttpMethod.Get, path, "get record", module, ZohoScopes.ModulesAll, ZohoCredits.Default), cancellationToken).ConfigureAwait(false);
        }
        catch (ZohoApiException ex) when (ex.Status == 400 && ex.Code == "INVALID_DATA")
        {
            return null;
        }

        if (result.IsEmpty)
        {
            return null;
        }

        if (!result.TryGetArray("data", out JsonElement data))
        {
            throw Malformed(result.Status, "get record", module, "the response has no data");
        }

        return data.GetArrayLength() == 0 ? null : ToRecord(data[0]);
    }

    /// <summary>
    /// <c>GET /{module}/search?email=</c>, every page: all email fields of the module, fuzzy ("contains"), at most 2,000
    /// results (then <c>LIMIT_REACHED</c>), blind to records written moments ago. Filter exactly.
    /// </summary>
    public virtual IAsyncEnumerable<ZohoRecord> SearchByEmailAsync(string module, string email, CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return ReadRecordsAsync(
            PagedAsync(Uri.EscapeDataString(module) + "/search", "email=" + Uri.EscapeDataString(email.Trim()), "search records", module, ZohoScopes.SearchRead, ZohoCredits.Default, tokenPaging: false, cancellationToken),
            cancellationToken);
    }

    /// <summary><c>GET /{module}/search?criteria=</c>, every page (same caveats as <see cref="SearchByEmailAsync"/>).</summary>
    public virtual IAsyncEnumerable<ZohoRecord> SearchByCriteriaAsync(string module, ZohoSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        ArgumentNullException.ThrowIfNull(criteria);
        return ReadRecordsAsync(
            PagedAsync(Uri.EscapeDataString(module) + "/search", "criteria=" + Uri.EscapeDataString(criteria.Text), "search records", module, ZohoScopes.SearchRead, ZohoCredits.Default, tokenPaging: false, cancellationToken),
            cancellationToken);
    }

    /// <summary><c>POST /coql</c>, every page by LIMIT/OFFSET within the version's limits: exact and immediate.</summary>
    public virtual async IAsyncEnumerable<ZohoRecord> QueryAsync(CoqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        int limit = IsV2 ? PageSize : _options.CoqlPageSize;
        int maxOffset = Math.Max(_options.CoqlMaxOffset, limit);
        string select = query.SelectClause();
        CoqlCondition where = query.Where;
        int offset = 0;
        long rows = 0;
        string? lastId = null;
        HashSet<string> previousPage = new(StringComparer.Ordinal);
        HashSet<string> currentPage = new(StringComparer.Ordinal);
        bool keyset = false;
        while (true)
        {
            string text = string.Create(CultureInfo.InvariantCulture, $"{select} where {where} order by id asc limit {limit} offset {offset}");
            ZohoResult result = await SendAsync(
                new ZohoRequest(HttpMethod.Post, "coql", "COQL query", query.Module, ZohoScopes.CoqlRead, ZohoCredits.Coql(limit), CoqlBody(text)),
                cancellationToken).ConfigureAwait(false);
            if (result.IsEmpty)
            {
                yield break;
            }

            if (!result.TryGetArray("data", out JsonElement data))
            {
                throw Malformed(result.Status, "COQL query", query.Module, "the response has no data");
            }

            int count = 0;
            int fresh = 0;
            currentPage.Clear();
            foreach (JsonElement item in data.EnumerateArray())
            {
                ZohoRecord record = ToRecord(item);
                count++;
                if (record.Id.Length > 0)
                {
                    lastId = record.Id;
                    currentPage.Add(record.Id);
                }

                // The inclusive keyset condition returns the boundary row again: skip rows the previous page returned.
                if (keyset && offset == 0 && previousPage.Contains(record.Id))
                {
                    continue;
                }

                fresh++;
                yield return record;
            }

            rows += fresh;
            if (count == 0 || !MoreRecords(result))
            {
                yield break;
            }

            if (keyset && offset == 0 && fresh == 0)
            {
                throw Malformed(result.Status, "COQL query", query.Module, "keyset paging made no progress");
            }

            (previousPage, currentPage) = (currentPage, previousPage);
            offset += limit;
            if (offset + limit > maxOffset)
            {
                if (lastId is null)
                {
                    throw Malformed(result.Status, "COQL query", query.Module, "rows carry no id to continue paging by");
                }

                // Keyset continuation: id >= last id seen, ordered by id, OFFSET back to 0. Inclusive, with the boundary
                // rows skipped above, so a server comparing long ids imprecisely cannot make rows disappear.
                Log.CoqlKeysetContinuation(_logger, OrgId, query.Module, rows);
                where = CoqlCondition.And(query.Where, CoqlCondition.AtLeast("id", lastId));
                offset = 0;
                keyset = true;
            }
        }
    }

    /// <summary><c>GET /{module}/{id}/{relatedList}</c>, every page (<paramref name="fields"/> mandatory on v3+).</summary>
    public virtual IAsyncEnumerable<ZohoRecord> GetRelatedRecordsAsync(string module, string id, string relatedList, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        ValidateId(id, nameof(id));
        ValidateName(relatedList, nameof(relatedList));
        string query = FieldsQuery(fields, nameof(fields), required: !IsV2);
        string path = Uri.EscapeDataString(module) + "/" + Uri.EscapeDataString(id) + "/" + Uri.EscapeDataString(relatedList);
        return ReadRecordsAsync(
            PagedAsync(path, query, "get related records", module, ZohoScopes.ModulesAll, ZohoCredits.Default, tokenPaging: true, cancellationToken),
            cancellationToken);
    }

    /// <summary><c>DELETE /{module}?ids=</c> (1 to 100 ids): every record's own outcome, failures included.</summary>
    public virtual async Task<IReadOnlyList<ZohoDeleteResult>> DeleteRecordsAsync(string module, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        ValidateIds(ids, nameof(ids));
        ZohoResult result = await SendAsync(
            new ZohoRequest(HttpMethod.Delete, Uri.EscapeDataString(module) + "?ids=" + string.Join(',', ids), "delete records", module, ZohoScopes.ModulesAll, ZohoCredits.Default, PerRecordResults: true),
            cancellationToken).ConfigureAwait(false);
        return ReadDeleteResults(result, ids, "delete records", module);
    }

    /// <summary><c>GET /{module}/deleted?type=</c>, every page.</summary>
    public virtual async IAsyncEnumerable<ZohoDeletedRecord> ListDeletedRecordsAsync(string module, ZohoDeletedRecordType type = ZohoDeletedRecordType.All, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ValidateName(module, nameof(module));
        string typeName = type switch
        {
            ZohoDeletedRecordType.All => "all",
            ZohoDeletedRecordType.Recycle => "recycle",
            ZohoDeletedRecordType.Permanent => "permanent",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown deleted-record type."),
        };
        await foreach (JsonElement item in PagedAsync(Uri.EscapeDataString(module) + "/deleted", "type=" + typeName, "list deleted records", module, ZohoScopes.ModulesAll, ZohoCredits.DeletedRecords, tokenPaging: true, cancellationToken).ConfigureAwait(false))
        {
            yield return new ZohoDeletedRecord(
                ZohoJson.GetString(item, "id") ?? string.Empty,
                ZohoJson.GetString(item, "type") ?? string.Empty,
                ZohoJson.GetDateTime(item, "deleted_time"));
        }
    }

    /// <summary>
    /// <c>DELETE /settings/recycle_bin?ids=</c> (v7+; 1 to 100 ids): permanently deletes records from the recycle bin.
    /// Throws <see cref="NotSupportedException"/> on v2, which has no such endpoint.
    /// </summary>
    public virtual async Task<IReadOnlyList<ZohoDeleteResult>> PurgeFromRecycleBinAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (IsV2)
        {
            throw new NotSupportedException("Zoho CRM API v2 has no recycle-bin endpoint; purging needs v7 or later (set Zoho:Orgs:{orgId}:Version to V8).");
        }

        ValidateIds(ids, nameof(ids));
        ZohoResult result = await SendAsync(
            new ZohoRequest(HttpMethod.Delete, "settings/recycle_bin?ids=" + string.Join(',', ids), "purge recycle bin", null, ZohoScopes.SettingsAll, ZohoCredits.Default, PerRecordResults: true),
            cancellationToken).ConfigureAwait(false);
        return ReadDeleteResults(result, ids, "purge recycle bin", null);
    }

    internal static ZohoUsageTracker CreateUsageTracker(ZohoOrgOptions org, ZohoCrmClientOptions options)
        => new(ZohoEditionLimits.For(org.Edition, org.UserLicenses), options.BudgetFraction);

    private async IAsyncEnumerable<JsonElement> PagedAsync(
        string path,
        string query,
        string operation,
        string module,
        string scope,
        int credits,
        bool tokenPaging,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int page = 1;
        string? pageToken = null;
        string prefix = path + "?" + (query.Length > 0 ? query + "&" : string.Empty) + "per_page=" + PageSize.ToString(CultureInfo.InvariantCulture) + "&";
        while (true)
        {
            string paging = pageToken is null
                ? "page=" + page.ToString(CultureInfo.InvariantCulture)
                : "page_token=" + Uri.EscapeDataString(pageToken);
            ZohoResult result = await SendAsync(new ZohoRequest(HttpMethod.Get, prefix + paging, operation, module, scope, credits), cancellationToken).ConfigureAwait(false);
            if (result.IsEmpty)
            {
                yield break;
            }

            if (!result.TryGetArray("data", out JsonElement data))
            {
                throw Malformed(result.Status, operation, module, "the response has no data");
            }

            int count = 0;
            foreach (JsonElement item in data.EnumerateArray())
            {
                count++;
                yield return item;
            }

            if (count == 0 || !MoreRecords(result))
            {
                yield break;
            }

            string? nextToken = result.Root is JsonElement root && ZohoJson.GetObject(root, "info") is JsonElement info
                ? ZohoJson.GetString(info, "next_page_token")
                : null;
            if (!tokenPaging)
            {
                page++;
            }
            else if (pageToken is not null || (nextToken is not null && (IsV2 || page * PageSize >= DiscretePagingLimit)))
            {
                // v8: page reaches the first 2,000 records, page_token the rest; v2: follow page_token whenever Zoho offers one.
                pageToken = nextToken ?? throw Malformed(result.Status, operation, module, "more_records is true but next_page_token is missing");
            }
            else if (!IsV2 && page * PageSize >= DiscretePagingLimit)
            {
                throw Malformed(result.Status, operation, module, "more records past 2,000 but no next_page_token");
            }
            else
            {
                page++;
            }
        }
    }

    private static async IAsyncEnumerable<ZohoRecord> ReadRecordsAsync(IAsyncEnumerable<JsonElement> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (JsonElement item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return ToRecord(item);
        }
    }

    private async Task<ZohoResult> SendAsync(ZohoRequest request, CancellationToken cancellationToken)
    {
        string? rejectedToken = null;
        bool refreshed = false;
        while (true)
        {
            ZohoAccessToken token = await _tokenProvider.GetAccessTokenAsync(OrgId, rejectedToken, cancellationToken).ConfigureAwait(false);
            int status;
            byte[] body;
            TimeSpan? retryAfterHeader;
            long started = _timeProvider.GetTimestamp();
            _usage.CallStarted(request.Credits);
            try
            {
                using HttpRequestMessage httpRequest = CreateMessage(request, token);
                using HttpResponseMessage response = await _httpClient.SendAsync(httpRequest, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                retryAfterHeader = RetryAfterOf(response);
                body = status is 204 or 304 ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or TimeoutRejectedException or BrokenCircuitException)
            {
                string what = ex switch
                {
                    TimeoutRejectedException or OperationCanceledException => "timed out",
                    BrokenCircuitException => "was not sent: the circuit breaker is open after repeated failures",
                    _ => "failed: the connection failed or the response was cut short",
                };
                Log.TransportFailed(_logger, OrgId, request.Module, ex.GetType().Name);
                throw new ZohoApiException(0, null, $"Zoho CRM {request.Operation}{ModuleText(request.Module)} {what}.", innerException: ex);
            }
            finally
            {
                _usage.CallEnded();
            }

            Log.CallCompleted(_logger, OrgId, request.Module, status, _timeProvider.GetElapsedTime(started));
            if (status is 204 or 304)
            {
                return new ZohoResult(status, null);
            }

            bool parsed = ZohoJson.TryParseObject(body, out JsonElement root);
            string? code = parsed ? ZohoJson.GetString(root, "code") : null;
            if (status == 429 || code == ThrottledCode)
            {
                // Zoho sends no Retry-After on 429: RetryAfter stays null unless the answer carried one. No wait, no retry.
                _usage.ThrottledReceived();
                Log.Throttled(_logger, OrgId, request.Module, status, code);
                throw new ZohoThrottledException(
                    status,
                    code ?? ThrottledCode,
                    $"Zoho CRM {request.Operation}{ModuleText(request.Module)} was throttled (HTTP {status} {code ?? ThrottledCode}: credit or concurrency limit).",
                    retryAfterHeader);
            }

            if (status is >= 200 and < 300)
            {
                if (!parsed)
                {
                    Log.MalformedResponse(_logger, OrgId, request.Module, status);
                    throw new ZohoApiException(status, null, $"Zoho CRM {request.Operation}{ModuleText(request.Module)} returned an unreadable body (HTTP {status}): {ZohoExcerpt.Of(body)}");
                }

                return new ZohoResult(status, root);
            }

            if (status == 401 && code == "INVALID_TOKEN" && !refreshed)
            {
                Log.AccessTokenRejected(_logger, OrgId);
                refreshed = true;
                rejectedToken = token.Token;
                continue;
            }

            if (request.PerRecordResults && parsed && root.TryGetProperty("data", out JsonElement perRecord) && perRecord.ValueKind == JsonValueKind.Array)
            {
                return new ZohoResult(status, root);
            }

            Log.CallFailed(_logger, OrgId, request.Module, status, code);
            if (!parsed)
            {
                throw new ZohoApiException(status, null, $"Zoho CRM {request.Operation}{ModuleText(request.Module)} failed with HTTP {status}: {ZohoExcerpt.Of(body)}");
            }

            string message = ZohoExcerpt.Sanitize(ZohoJson.GetString(root, "message"));
            JsonElement? details = root.TryGetProperty("details", out JsonElement d) ? d : null;
            if (status == 401 && code == "OAUTH_SCOPE_MISMATCH")
            {
                string scopes = request.Scope == ZohoScopes.ModulesAll ? request.Scope : $"{request.Scope} (with {ZohoScopes.ModulesAll})";
                throw new ZohoApiException(
                    status,
                    code,
                    $"Zoho CRM {request.Operation}{ModuleText(request.Module)} needs the OAuth scope {scopes}, which the org's refresh token lacks (401 OAUTH_SCOPE_MISMATCH).",
                    details,
                    request.Scope);
            }

            string reason = DetailsReason(details);
            throw new ZohoApiException(
                status,
                code,
                $"Zoho CRM {request.Operation}{ModuleText(request.Module)} failed with HTTP {status} {code ?? "(no code)"}: {message}{reason}",
                details);
        }
    }

    private HttpRequestMessage CreateMessage(ZohoRequest request, ZohoAccessToken token)
    {
        string domain = token.ApiDomain.OriginalString;
        var uri = new Uri(string.Concat(domain.AsSpan().TrimEnd('/'), _versionSegment, request.PathAndQuery));
        var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.TryAddWithoutValidation("Authorization", "Zoho-oauthtoken " + token.Token);
        if (request.JsonBody is not null)
        {
            var content = new ByteArrayContent(request.JsonBody);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            message.Content = content;
        }

        return message;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private IReadOnlyList<ZohoDeleteResult> ReadDeleteResults(ZohoResult result, IReadOnlyCollection<string> ids, string operation, string? module)
    {
        if (!result.TryGetArray("data", out JsonElement data))
        {
            throw Malformed(result.Status, operation, module, "the response has no per-record data");
        }

        string[] sent = [.. ids];
        var results = new List<ZohoDeleteResult>(sent.Length);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (JsonElement item in data.EnumerateArray())
        {
            string? id = ZohoJson.GetObject(item, "details") is JsonElement details ? ZohoJson.GetString(details, "id") : null;
            id ??= index < sent.Length ? sent[index] : string.Empty;
            index++;
            answered.Add(id);
            results.Add(new ZohoDeleteResult(
                id,
                ZohoJson.GetString(item, "code") ?? ZohoDeleteResult.NoResultCode,
                ZohoJson.GetString(item, "status") ?? "error",
                ZohoExcerpt.Sanitize(ZohoJson.GetString(item, "message"))));
        }

        foreach (string id in sent)
        {
            if (!answered.Contains(id))
            {
                results.Add(new ZohoDeleteResult(id, ZohoDeleteResult.NoResultCode, "error", "Zoho returned no result for this record."));
            }
        }

        int failed = results.Count(r => !r.Succeeded);
        if (failed > 0)
        {
            Log.DeletePartiallyFailed(_logger, OrgId, module, failed);
        }

        return results;
    }

    private ZohoApiException Malformed(int status, string operation, string? module, string what)
    {
        Log.MalformedResponse(_logger, OrgId, module, status);
        return new ZohoApiException(status, null, $"Zoho CRM {operation}{ModuleText(module)} returned an unexpected body (HTTP {status}): {what}.");
    }

    private static bool MoreRecords(ZohoResult result)
        => result.Root is JsonElement root && ZohoJson.GetObject(root, "info") is JsonElement info && ZohoJson.GetBool(info, "more_records");

    private static ZohoRecord ToRecord(JsonElement item) => new(ZohoJson.GetString(item, "id") ?? string.Empty, item);

    private static string ModuleText(string? module) => module is null ? string.Empty : $" on {module}";

    private static string DetailsReason(JsonElement? details)
    {
        if (details is not JsonElement d || d.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        string? reason = ZohoJson.GetString(d, "reason");
        string? apiName = ZohoJson.GetString(d, "api_name");
        var text = new StringBuilder();
        if (reason is not null)
        {
            text.Append(" (").Append(ZohoExcerpt.Sanitize(reason));
            if (apiName is not null && ZohoNames.IsValid(apiName))
            {
                text.Append(": ").Append(apiName);
            }

            text.Append(')');
        }
        else if (apiName is not null && ZohoNames.IsValid(apiName))
        {
            text.Append(" (field ").Append(apiName).Append(')');
        }

        return text.ToString();
    }

    private static string? LookupModuleOf(JsonElement field)
    {
        if (ZohoJson.GetObject(field, "lookup") is not JsonElement lookup)
        {
            return null;
        }

        return ZohoJson.GetObject(lookup, "module") is JsonElement module ? ZohoJson.GetString(module, "api_name") : ZohoJson.GetString(lookup, "module");
    }

    private static byte[] CoqlBody(string selectQuery)
    {
        var buffer = new ArrayBufferWriter<byte>(selectQuery.Length + 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("select_query", selectQuery);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string FieldsQuery(IReadOnlyList<string>? fields, string paramName, bool required)
    {
        if (fields is null || fields.Count == 0)
        {
            if (required)
            {
                throw new ArgumentException("Zoho CRM v3+ requires at least one field for list calls.", paramName);
            }

            return string.Empty;
        }

        if (fields.Count > MaxFields)
        {
            throw new ArgumentException($"Zoho CRM accepts at most {MaxFields} fields per call; {fields.Count} were given.", paramName);
        }

        foreach (string field in fields)
        {
            ZohoNames.Validate(field, paramName);
        }

        return "fields=" + string.Join(',', fields);
    }

    private static string Append(string query, string part) => query.Length == 0 ? part : query + "&" + part;

    private static void ValidateName(string name, string paramName) => ZohoNames.Validate(name, paramName);

    private static void ValidateId(string id, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (!ZohoNames.IsRecordId(id))
        {
            throw new ArgumentException("A Zoho record id is a string of digits.", paramName);
        }
    }

    private static void ValidateIds(IReadOnlyCollection<string> ids, string paramName)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        if (ids.Count == 0)
        {
            throw new ArgumentException("At least one record id is required.", paramName);
        }

        if (ids.Count > MaxIdsPerDelete)
        {
            throw new ArgumentException($"Zoho CRM accepts at most {MaxIdsPerDelete} ids per call; {ids.Count} were given. Split them into batches.", paramName);
        }

        foreach (string id in ids)
        {
            ValidateId(id, paramName);
        }
    }
}

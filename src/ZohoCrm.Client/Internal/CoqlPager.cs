using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ZohoCrm.Client;

/// <summary>
/// Reads every row of one COQL query, ordered by <c>id</c>: LIMIT/OFFSET while OFFSET + LIMIT stays within the offset
/// window, then by keyset (<c>id &gt;= 'last id seen'</c>, OFFSET back to 0; the inclusive boundary rows the previous page
/// returned are skipped), so any number of rows can be read. Rows are handed out as copies once their page is disposed.
/// </summary>
/// <remarks>
/// Credits: Zoho charges a COQL call by its LIMIT, not by the rows it returns (1 credit up to 200, 2 up to 1,000, 3 up to
/// 2,000). Most lookups return a handful of rows, so the first call asks for the smallest tier, and the LIMIT grows to the
/// next tier (up to the largest allowed) only when a page comes back full with more rows to come.
/// </remarks>
internal sealed class CoqlPager
{
    private readonly ZohoPipeline _pipeline;
    private readonly ILogger _logger;
    private readonly CoqlQuery _query;
    private readonly int _maxLimit;
    private readonly int _maxOffset;
    private int _limit;
    private int _lastCount;
    private CoqlCondition _where;
    private int _offset;
    private bool _keyset;
    private string? _lastId;
    private long _rows;
    private HashSet<string> _previousPage = new(StringComparer.Ordinal);
    private HashSet<string> _currentPage = new(StringComparer.Ordinal);
    private ZohoRequest? _lastRequest;

    private CoqlPager(ZohoPipeline pipeline, ILogger logger, CoqlQuery query, int maxLimit, int maxOffset)
    {
        _pipeline = pipeline;
        _logger = logger;
        _query = query;
        _where = query.Where;
        _maxLimit = maxLimit;
        _limit = NextTier(0, maxLimit);
        _maxOffset = Math.Max(maxOffset, maxLimit);
    }

    /// <summary>Every row of <paramref name="query"/>, at most <paramref name="maxLimit"/> per call.</summary>
    public static IAsyncEnumerable<ZohoRecord> ReadAsync(ZohoPipeline pipeline, ILogger logger, CoqlQuery query, int maxLimit, int maxOffset, CancellationToken cancellationToken)
        => new CoqlPager(pipeline, logger, query, maxLimit, maxOffset).ReadAllAsync(cancellationToken);

    /// <summary>The credit tier above <paramref name="limit"/> (200, 1,000, 2,000), at most <paramref name="maxLimit"/>.</summary>
    private static int NextTier(int limit, int maxLimit)
    {
        int next = limit switch
        {
            < 200 => 200,
            < 1_000 => 1_000,
            _ => 2_000,
        };
        return Math.Min(next, maxLimit);
    }

    private async IAsyncEnumerable<ZohoRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            (List<ZohoRecord> rows, bool more) = await FetchAsync(cancellationToken).ConfigureAwait(false);
            foreach (ZohoRecord row in rows)
            {
                yield return row;
            }

            if (!more)
            {
                yield break;
            }

            Advance();
        }
    }

    private async Task<(List<ZohoRecord> Rows, bool More)> FetchAsync(CancellationToken cancellationToken)
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"{_query.SelectClause()} where {_where} order by id asc limit {_limit} offset {_offset}");
        _lastRequest = new ZohoRequest(HttpMethod.Post, "coql", "COQL query", _query.Module, ZohoScopes.CoqlRead, ZohoCredits.Coql(_limit), Body(text)) { Repeatable = true };
        using ZohoResponse response = await _pipeline.SendAsync(_lastRequest, cancellationToken).ConfigureAwait(false);
        if (response.IsEmpty)
        {
            return ([], false);
        }

        if (!response.TryGetArray("data", out JsonElement data))
        {
            throw _pipeline.Unexpected(response, "the response has no data");
        }

        bool boundaryPage = _keyset && _offset == 0;
        var fresh = new List<ZohoRecord>(data.GetArrayLength());
        _currentPage.Clear();
        foreach (JsonElement item in data.EnumerateArray())
        {
            string id = item.ValueKind == JsonValueKind.Object ? ZohoJson.GetString(item, "id") ?? string.Empty : throw _pipeline.Unexpected(response, "a row is not a JSON object");
            if (ZohoNames.IsRecordId(id))
            {
                _lastId = id;
                _currentPage.Add(id);
            }

            // The inclusive keyset condition returns the boundary rows again: skip those the previous page returned.
            if (!(boundaryPage && _previousPage.Contains(id)))
            {
                fresh.Add(new ZohoRecord(id, item.Clone()));
            }
        }

        _rows += fresh.Count;
        _lastCount = data.GetArrayLength();
        if (data.GetArrayLength() == 0 || !response.MoreRecords)
        {
            return (fresh, false);
        }

        bool stuck = boundaryPage ? fresh.Count == 0 : _previousPage.Count > 0 && _currentPage.SetEquals(_previousPage);
        return stuck ? throw _pipeline.Unexpected(response, "COQL paging made no progress") : (fresh, true);
    }

    private void Advance()
    {
        (_previousPage, _currentPage) = (_currentPage, _previousPage);
        _offset += _limit;
        if (_lastCount >= _limit)
        {
            _limit = NextTier(_limit, _maxLimit); // a full page with more to come: the next tier costs less per row
        }

        if (_offset + _limit <= _maxOffset)
        {
            return;
        }

        // Keyset continuation: id >= last id seen, ordered by id, OFFSET back to 0. Inclusive, with the boundary rows
        // skipped, so a server comparing long ids imprecisely cannot make rows disappear.
        string lastId = _lastId ?? throw _pipeline.Unexpected(_lastRequest!, 200, "rows carry no id to continue paging by");
        Log.CoqlKeysetContinuation(_logger, _pipeline.OrgId, _query.Module, _rows);
        _where = CoqlCondition.And(_query.Where, CoqlCondition.AtLeast("id", lastId));
        _offset = 0;
        _keyset = true;
    }

    private static byte[] Body(string selectQuery)
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
}

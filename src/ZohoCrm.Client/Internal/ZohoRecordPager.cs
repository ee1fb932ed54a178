using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ZohoCrm.Client;

/// <summary>
/// Reads every page of a listing (records, related records, search, deleted records): <c>page</c> numbers, then, where the
/// listing has them, <c>page_token</c>s (v3+: past the first 2,000 records; v2: whenever Zoho offers one). Each page's
/// document is disposed before its items are handed out; the items are copies. A page identical to the previous one, or a
/// repeated <c>page_token</c>, is an error rather than an endless loop.
/// </summary>
internal sealed class ZohoRecordPager(ZohoPipeline pipeline, bool isV2)
{
    public const int PageSize = 200;

    public const int DiscretePagingLimit = 2_000;

    public async IAsyncEnumerable<T> ReadAsync<T>(ZohoPageRequest listing, Func<JsonElement, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string prefix = listing.Path + "?" + (listing.Query.Length > 0 ? listing.Query + "&" : string.Empty) + "per_page=" + PageSize.ToString(CultureInfo.InvariantCulture) + "&";
        int number = 1;
        string? token = null;
        Page<T>? previous = null;
        while (true)
        {
            string paging = token is null ? "page=" + number.ToString(CultureInfo.InvariantCulture) : "page_token=" + Uri.EscapeDataString(token);
            var request = new ZohoRequest(HttpMethod.Get, prefix + paging, listing.Operation, listing.Module, listing.Scope, listing.Credits);
            Page<T> page = await FetchAsync(request, read, previous, cancellationToken).ConfigureAwait(false);
            foreach (T item in page.Items)
            {
                yield return item;
            }

            if (page.Items.Count == 0 || !page.More)
            {
                yield break;
            }

            (number, token) = Next(listing, page, number, token);
            previous = page;
        }
    }

    private async Task<Page<T>> FetchAsync<T>(ZohoRequest request, Func<JsonElement, T> read, Page<T>? previous, CancellationToken cancellationToken)
    {
        using ZohoResponse response = await pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsEmpty)
        {
            return new Page<T>([], false, null, [], request, response.Status);
        }

        if (!response.TryGetArray("data", out JsonElement data))
        {
            throw pipeline.Unexpected(response, "the response has no data");
        }

        var items = new List<T>(data.GetArrayLength());
        foreach (JsonElement item in data.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.Object ? read(item) : throw pipeline.Unexpected(response, "a record is not a JSON object"));
        }

        byte[] signature = items.Count == 0 ? [] : [.. JsonMarshal.GetRawUtf8Value(data[0]), (byte)'\n', .. JsonMarshal.GetRawUtf8Value(data[items.Count - 1])];
        if (previous is not null && items.Count > 0 && signature.AsSpan().SequenceEqual(previous.Signature))
        {
            throw pipeline.Unexpected(response, "the same page came back twice");
        }

        return new Page<T>(items, response.MoreRecords, response.NextPageToken, signature, request, response.Status);
    }

    private (int Number, string? Token) Next<T>(ZohoPageRequest listing, Page<T> page, int number, string? token)
    {
        bool pastDiscrete = number * PageSize >= DiscretePagingLimit;
        if (!listing.TokenPaging)
        {
            return (number + 1, null);
        }

        if (token is not null || (page.NextToken is not null && (isV2 || pastDiscrete)))
        {
            string next = page.NextToken ?? throw pipeline.Unexpected(page.Request, page.Status, "more_records is true but next_page_token is missing");
            return next == token ? throw pipeline.Unexpected(page.Request, page.Status, "the same page_token came back twice") : (number, next);
        }

        return !isV2 && pastDiscrete
            ? throw pipeline.Unexpected(page.Request, page.Status, "more records past 2,000 but no next_page_token")
            : (number + 1, null);
    }

    /// <summary>A page read; <paramref name="Signature"/> is its first and last item's raw JSON, to notice a page served twice.</summary>
    private sealed record Page<T>(List<T> Items, bool More, string? NextToken, byte[] Signature, ZohoRequest Request, int Status);
}

using ZohoCrm.Client;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Which of some records, gone from their module, Zoho's recycle bin shows deleted at or after a time
/// (<c>GET /{module}/deleted?type=recycle</c>, 2 credits a page): the records a request deleted itself although the
/// answer never reached it. Reads pages only until every id is accounted for. Zoho gives <c>deleted_time</c> to the
/// second, so <c>since</c> counts from the start of its second.
/// </summary>
internal static class RecycleBinReconciler
{
    public static async Task<HashSet<string>> DeletedSinceAsync(ZohoCrmClient client, string module, IReadOnlyCollection<string> ids, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return deleted;
        }

        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        since = since.AddTicks(-(since.Ticks % TimeSpan.TicksPerSecond));
        await foreach (ZohoDeletedRecord record in client.ListDeletedRecordsAsync(module, ZohoDeletedRecordType.Recycle, cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Remove(record.Id) && record.DeletedTime is { } when && when >= since)
            {
                deleted.Add(record.Id);
            }

            if (wanted.Count == 0)
            {
                break;
            }
        }

        return deleted;
    }
}

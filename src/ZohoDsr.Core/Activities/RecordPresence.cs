using ZohoCrm.Client;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Which of some ids a module still has, by an exact, immediate query: COQL <c>id in (...)</c> (50 ids per call), or a
/// GET per id where COQL is refused (no COQL scope, a module COQL does not serve).
/// </summary>
internal static class RecordPresence
{
    public const int ChunkSize = 50;

    public static async Task<HashSet<string>> PresentAsync(ZohoCrmClient client, string module, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return present;
        }

        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        try
        {
            foreach (string[] chunk in wanted.Order(StringComparer.Ordinal).Chunk(ChunkSize))
            {
                var query = new CoqlQuery(module, ["id"], CoqlCondition.In("id", chunk));
                await foreach (ZohoRecord record in client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    if (wanted.Contains(record.Id))
                    {
                        present.Add(record.Id);
                    }
                }
            }

            return present;
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 401 or 403)
        {
            present.Clear();
        }

        foreach (string id in wanted)
        {
            if (await client.GetRecordAsync(module, id, cancellationToken: cancellationToken).ConfigureAwait(false) is not null)
            {
                present.Add(id);
            }
        }

        return present;
    }
}

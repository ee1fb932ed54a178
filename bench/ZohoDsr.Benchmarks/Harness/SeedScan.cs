using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// The seed's strategy (DataGrail's Zoho CRM integration, <c>seeds/datagrail-zoho-crm-integration.txt</c>), over HTTP:
/// Get Records over every record of Contacts, Leads and Cases, 200 per page, keeping those whose email is the subject's;
/// then, for the contacts found, Get Records over every record of Activities, Calls, Quotes, Invoices, Purchase_Orders,
/// Sales_Orders and Tasks; deletion is one <c>DELETE /{module}/{id}</c> per record of the deletable modules.
/// <para>
/// Two liberties, neither of which changes the number of calls: pages are asked with only the fields the filter needs
/// (the seed reads every field), and children are kept by their contact lookup (<c>Who_Id</c>, <c>Contact_Name</c>),
/// since they have no email field to filter on (the seed's "filter by email" would keep none of them). Past 2,000
/// records Zoho pages only by <c>page_token</c>, which the seed's v2 SDK does not send: the scan follows the tokens, and
/// records where Zoho stops it (<c>PAGINATION_LIMIT_EXCEEDED</c> past 100,000 records).
/// </para>
/// </summary>
public static class SeedScan
{
    public const int PageSize = 200;

    public static IReadOnlyList<string> ParentModules { get; } = ["Contacts", "Leads", "Cases"];

    public static IReadOnlyList<string> ChildModules { get; } = ["Activities", "Calls", "Quotes", "Invoices", "Purchase_Orders", "Sales_Orders", "Tasks"];

    /// <summary>The seed's deletable list.</summary>
    public static IReadOnlyList<string> DeletableModules { get; } = ["Contacts", "Leads", "Cases", "Calls", "Quotes", "Tasks", "Invoices"];

    /// <summary>
    /// Reads the org as the seed does, keeping the records of every email in <paramref name="emails"/>. The child modules
    /// are read while the parents are (the seed reads them once the contacts are known; the calls are the same whenever a
    /// contact is found, the wall time is shorter): child rows are kept by contact id and matched once the contacts are in.
    /// </summary>
    public static async Task<SeedScanResult> ReadAsync(BenchOrg org, SimApi api, IReadOnlyList<string> emails, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(api);
        org.Org.Counters.Reset();
        var watch = Stopwatch.StartNew();
        var found = emails.ToDictionary(e => e, _ => new ConcurrentDictionary<(string, string), byte>(), StringComparer.OrdinalIgnoreCase);
        var contactsOf = emails.ToDictionary(e => e, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        var childrenByContact = new ConcurrentDictionary<string, ConcurrentBag<(string Module, string Id)>>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(concurrency);
        var scans = new ConcurrentBag<ModuleScan>();

        Task parents = Task.WhenAll(ParentModules.Select(module => ScanModuleAsync(api, gate, module, record =>
        {
            foreach (string field in new[] { "Email", "Secondary_Email" })
            {
                if (record.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String
                    && found.ContainsKey(value.GetString()!.Trim()))
                {
                    string email = value.GetString()!.Trim();
                    string id = record.GetProperty("id").GetString()!;
                    found[email][(module, id)] = 0;
                    if (module == "Contacts")
                    {
                        contactsOf[email][id] = 0;
                    }
                }
            }
        }, scans, cancellationToken)));
        Task children = Task.WhenAll(ChildModules.Select(module => ScanModuleAsync(api, gate, module, record =>
        {
            foreach (string lookup in new[] { "Who_Id", "Contact_Name" })
            {
                if (record.TryGetProperty(lookup, out JsonElement value) && value.ValueKind == JsonValueKind.Object
                    && value.TryGetProperty("id", out JsonElement id) && id.GetString() is { } contact)
                {
                    childrenByContact.GetOrAdd(contact, _ => []).Add((module, record.GetProperty("id").GetString()!));
                }
            }
        }, scans, cancellationToken)));
        await Task.WhenAll(parents, children).ConfigureAwait(false);

        foreach ((string email, ConcurrentDictionary<string, byte> contacts) in contactsOf)
        {
            foreach (string contact in contacts.Keys)
            {
                foreach ((string Module, string Id) child in childrenByContact.GetValueOrDefault(contact) ?? [])
                {
                    found[email][child] = 0;
                }
            }
        }

        watch.Stop();
        return new SeedScanResult(
            [.. scans.OrderBy(s => s.Module, StringComparer.Ordinal)],
            found.ToDictionary(p => p.Key, p => (IReadOnlySet<(string, string)>)p.Value.Keys.ToHashSet(), StringComparer.OrdinalIgnoreCase),
            watch.Elapsed,
            CallTally.From(org.Org.Counters));
    }

    /// <summary>The pages a complete read of every module the seed reads takes, 200 records per page.</summary>
    public static long PagesToRead(IReadOnlyDictionary<string, long> recordsByModule)
    {
        ArgumentNullException.ThrowIfNull(recordsByModule);
        return ParentModules.Concat(ChildModules).Sum(m => Math.Max(1, (recordsByModule.GetValueOrDefault(m) + PageSize - 1) / PageSize));
    }

    /// <summary>Deletes, one call per record, the records of the deletable modules; returns the calls, the wall time and the failures.</summary>
    public static async Task<(CallTally Calls, TimeSpan Wall, int Failed)> DeleteAsync(
        BenchOrg org, SimApi api, IEnumerable<(string Module, string Id)> records, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(api);
        var deletable = DeletableModules.ToHashSet(StringComparer.Ordinal);
        var targets = records.Where(r => deletable.Contains(r.Module)).ToList();
        org.Org.Counters.Reset();
        var watch = Stopwatch.StartNew();
        int failed = 0;
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (record, ct) =>
        {
            using HttpResponseMessage response = await api.DeleteAsync($"{record.Module}/{record.Id}", ct).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || !body.Contains("\"SUCCESS\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failed);
            }
        }).ConfigureAwait(false);
        watch.Stop();
        return (CallTally.From(org.Org.Counters), watch.Elapsed, failed);
    }

    private static async Task ScanModuleAsync(
        SimApi api, SemaphoreSlim gate, string module, Action<JsonElement> onRecord, ConcurrentBag<ModuleScan> scans, CancellationToken cancellationToken)
    {
        string fields = module switch
        {
            "Contacts" or "Leads" => "Email,Secondary_Email",
            "Cases" => "Email",
            "Quotes" or "Invoices" or "Purchase_Orders" or "Sales_Orders" => "Contact_Name",
            _ => "Who_Id",
        };
        int pages = 0;
        long records = 0;
        string? token = null;
        string? stoppedBy = null;
        while (true)
        {
            string query = $"{module}?per_page={PageSize}&fields={fields}" + (token is null ? string.Empty : "&page_token=" + Uri.EscapeDataString(token));
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            string body;
            HttpStatusCode status;
            try
            {
                using HttpResponseMessage response = await api.GetAsync(query, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }

            pages++;
            if (status == HttpStatusCode.NoContent)
            {
                break;
            }

            using JsonDocument page = JsonDocument.Parse(body);
            if (status != HttpStatusCode.OK)
            {
                string code = page.RootElement.TryGetProperty("code", out JsonElement c) ? c.GetString() ?? "?" : "?";
                if (status == HttpStatusCode.BadRequest && code is "PAGINATION_LIMIT_EXCEEDED" or "DISCRETE_PAGINATION_LIMIT_EXCEEDED")
                {
                    stoppedBy = code;
                    break;
                }

                throw new InvalidOperationException($"The scan of {module} got HTTP {(int)status} {code}.");
            }

            foreach (JsonElement record in page.RootElement.GetProperty("data").EnumerateArray())
            {
                records++;
                onRecord(record);
            }

            JsonElement info = page.RootElement.GetProperty("info");
            if (!info.GetProperty("more_records").GetBoolean())
            {
                break;
            }

            token = info.TryGetProperty("next_page_token", out JsonElement next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()
                : throw new InvalidOperationException($"The scan of {module} got more_records without a next_page_token.");
        }

        scans.Add(new ModuleScan(module, pages, records, stoppedBy));
    }
}

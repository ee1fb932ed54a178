using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Finds the subject in one parent module, using Zoho's two lookups for what each is good at (DESIGN.md step 2):
/// <list type="bullet">
/// <item><b>COQL</b> on the module's unrestricted email fields is the primary: exact (<c>Email = 'x' or Secondary_Email = 'x'</c>),
/// immediate (sees records written a moment ago) and paged beyond 2,000 rows.</item>
/// <item><b>Search</b> <c>email=</c> is the cross-check, run only where it is cheap and can work: when no email field of the
/// module is restricted (Search then fails with <c>INVALID_QUERY</c>) and COQL returned fewer than 2,000 rows (Search stops
/// at 2,000 with <c>LIMIT_REACHED</c>). Being fuzzy, it catches stored values that differ from the email only in case or
/// surrounding spaces, which an exact <c>=</c> may miss; being index-based, it misses fresh writes, which COQL covers.
/// When COQL is unavailable (no <c>ZohoCRM.coql.READ</c> scope) Search is used alone.</item>
/// <item>A <b>scan</b> when any email field is restricted: a restricted private field can be neither searched nor
/// queried (<c>INVALID_QUERY</c> "Cannot use the restricted field"), and list calls return its value as null. So the
/// scan lists every record with <c>id</c> and the email fields (1 call per 200 records; unrestricted fields are matched
/// from the list) and reads each record not yet matched with <c>include=private_fields</c> (1 call per record), the only
/// call that can show a restricted value. This is costly, so it runs only for such modules and can be switched off
/// (<see cref="DsrOptions.ScanRestrictedEmailFields"/>). If Zoho hides restricted values even then, the scan cannot see
/// them: that is logged, audited as <c>restricted-hidden</c> and returned as a <see cref="ModuleGap"/>; so are records
/// left unchecked because the scan is switched off.</item>
/// </list>
/// Whatever the method, only exact matches are kept: an email field equal to the email, trimmed, case-insensitively, over
/// every email field of the module. Look-alikes never match.
/// </summary>
public sealed class FindInModuleHandler(
    ActivityZohoClients clients,
    IOptions<DsrOptions> options,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<FindInModuleHandler> logger)
{
    /// <summary>Search's cap on results (400 <c>LIMIT_REACHED</c> past it).</summary>
    public const int SearchResultCap = 2_000;

    public async Task<FindRecordsResult> HandleAsync(FindInModuleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.SubjectEmail);
        ModuleProfile profile = input.Module;
        string module = profile.Module;
        string email = input.SubjectEmail.Trim();
        ZohoCrmClient client = clients.For(input.OrgId);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(client);
        var audits = new List<AuditEntry>();
        string subjectHash = await audit.HashSubjectAsync(input.OrgId, input.RequestId, email, cancellationToken).ConfigureAwait(false);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var gaps = new List<ModuleGap>();
        string method;
        try
        {
            List<string> unrestricted = profile.EmailFields.Where(f => !profile.RestrictedEmailFields.Contains(f, StringComparer.Ordinal)).ToList();
            if (profile.EmailFields.Count == 0)
            {
                method = "none";
                audits.Add(Entry("none", module, 0, "no-email-fields", null, null, subjectHash));
            }
            else if (profile.RestrictedEmailFields.Count > 0)
            {
                method = "scan";
                await ScanAsync(client, input, profile, email, matched, candidates, audits, gaps, subjectHash, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                method = await CoqlThenSearchAsync(client, input, unrestricted, email, matched, candidates, audits, gaps, subjectHash, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(logger, input.RequestId, input.OrgId, module, ex.Code, ex.RetryAfter);
            audits.Add(Entry("find", module, 0, "throttled", ex.Code, null, subjectHash));
            await audit.AppendAsync(input.OrgId, input.RequestId, audits, cancellationToken).ConfigureAwait(false);
            return new FindRecordsResult(module, [], "none", 0) { Spend = meter.Spent(), Throttled = new ActivityThrottle(ex.RetryAfter, ex.Code) };
        }

        List<string> ids = matched.Order(StringComparer.Ordinal).ToList();
        audits.Add(Entry("find", module, ids.Count, "ok", null, ids, subjectHash));
        await audit.AppendAsync(input.OrgId, input.RequestId, audits, cancellationToken).ConfigureAwait(false);
        Log.SubjectFound(logger, input.RequestId, input.OrgId, module, ids.Count, $"{method}, {candidates.Count} candidates");
        return new FindRecordsResult(module, ids, method, candidates.Count) { Spend = meter.Spent(), Gaps = gaps };
    }

    private async Task<string> CoqlThenSearchAsync(
        ZohoCrmClient client,
        FindInModuleInput input,
        List<string> fields,
        string email,
        HashSet<string> matched,
        HashSet<string> candidates,
        List<AuditEntry> audits,
        List<ModuleGap> gaps,
        string subjectHash,
        CancellationToken cancellationToken)
    {
        string module = input.Module.Module;
        int coqlRows = 0;
        bool coqlWorked = true;
        try
        {
            var query = new CoqlQuery(module, ["id", .. fields], CoqlCondition.AnyOf(fields.Select(f => CoqlCondition.Equal(f, email))));
            await foreach (ZohoRecord record in client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                coqlRows++;
                candidates.Add(record.Id);
                if (EmailMatch.AnyField(record, fields, email))
                {
                    matched.Add(record.Id);
                }
            }

            audits.Add(Entry("coql", module, coqlRows, "ok", null, null, subjectHash));
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 401 or 403)
        {
            if (string.Equals(ex.Code, "INVALID_QUERY", StringComparison.Ordinal) && IsRestrictedFieldError(ex))
            {
                // The metadata said unrestricted but Zoho says restricted: only a scan can look.
                Log.LookupFellBack(logger, input.RequestId, input.OrgId, module, ex.Code);
                audits.Add(Entry("coql", module, 0, "fallback-scan", ex.Code, null, subjectHash));
                var profile = input.Module with { RestrictedEmailFields = input.Module.EmailFields };
                candidates.Clear();
                matched.Clear();
                gaps.Clear();
                await ScanAsync(client, input, profile, email, matched, candidates, audits, gaps, subjectHash, cancellationToken).ConfigureAwait(false);
                return "scan";
            }

            Log.LookupFellBack(logger, input.RequestId, input.OrgId, module, ex.Code);
            audits.Add(Entry("coql", module, 0, "failed", ex.Code, null, subjectHash));
            coqlWorked = false;
        }

        if (coqlWorked && coqlRows >= SearchResultCap)
        {
            return "coql";
        }

        int searched = 0;
        try
        {
            await foreach (ZohoRecord record in client.SearchByEmailAsync(module, email, cancellationToken).ConfigureAwait(false))
            {
                searched++;
                candidates.Add(record.Id);
                if (EmailMatch.AnyField(record, fields, email))
                {
                    matched.Add(record.Id);
                }
            }

            audits.Add(Entry("search", module, searched, "ok", null, null, subjectHash));
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 401 or 403)
        {
            // LIMIT_REACHED past 2,000 results keeps what was read; other refusals leave COQL's answer as it is.
            audits.Add(Entry("search", module, searched, string.Equals(ex.Code, "LIMIT_REACHED", StringComparison.Ordinal) ? "partial" : "failed", ex.Code, null, subjectHash));
            if (!coqlWorked)
            {
                throw;
            }
        }

        return coqlWorked ? "coql" : "search";
    }

    private async Task ScanAsync(
        ZohoCrmClient client,
        FindInModuleInput input,
        ModuleProfile profile,
        string email,
        HashSet<string> matched,
        HashSet<string> candidates,
        List<AuditEntry> audits,
        List<ModuleGap> gaps,
        string subjectHash,
        CancellationToken cancellationToken)
    {
        string module = profile.Module;
        var toRead = new List<string>();
        int listed = 0;
        await foreach (ZohoRecord record in client.ListRecordsAsync(module, ["id", .. profile.EmailFields], cancellationToken).ConfigureAwait(false))
        {
            listed++;
            if (EmailMatch.AnyField(record, profile.EmailFields, email))
            {
                candidates.Add(record.Id);
                matched.Add(record.Id);
            }
            else
            {
                toRead.Add(record.Id);
            }
        }

        audits.Add(Entry("scan", module, listed, "ok", null, null, subjectHash));
        if (!options.Value.ScanRestrictedEmailFields)
        {
            Log.RestrictedScanSkipped(logger, input.RequestId, input.OrgId, module, toRead.Count);
            audits.Add(Entry("scan-private", module, 0, "disabled", null, null, subjectHash));
            if (toRead.Count > 0)
            {
                gaps.Add(new ModuleGap(module, "email fields restricted and scan disabled"));
            }

            return;
        }

        int read = 0;
        int hidden = 0;
        foreach (string id in toRead)
        {
            ZohoRecord? record = await client.GetRecordAsync(module, id, includePrivateFields: true, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                continue;
            }

            read++;
            if (profile.RestrictedEmailFields.All(f => record.GetString(f) is null))
            {
                hidden++;
            }

            if (EmailMatch.AnyField(record, profile.EmailFields, email))
            {
                candidates.Add(record.Id);
                matched.Add(record.Id);
            }
        }

        bool allHidden = read > 0 && hidden == read;
        if (allHidden)
        {
            Log.RestrictedValuesHidden(logger, input.RequestId, input.OrgId, module, read);
            gaps.Add(new ModuleGap(module, "restricted values hidden"));
        }

        audits.Add(Entry("scan-private", module, read, allHidden ? "restricted-hidden" : "ok", null, null, subjectHash));
    }

    private static bool IsRestrictedFieldError(ZohoApiException ex)
        => ex.Details is { } details && details.ValueKind == System.Text.Json.JsonValueKind.Object
            && details.TryGetProperty("reason", out var reason) && reason.ValueKind == System.Text.Json.JsonValueKind.String
            && (reason.GetString() ?? string.Empty).Contains("restricted", StringComparison.OrdinalIgnoreCase);

    private AuditEntry Entry(string action, string module, int count, string outcome, string? code, IReadOnlyList<string>? ids, string subjectHash)
        => new(timeProvider.GetUtcNow(), action, module, count, outcome, code, ids, subjectHash);
}

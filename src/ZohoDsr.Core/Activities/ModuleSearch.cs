using System.Text.Json;
using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// One FindInModule search of one module (see <see cref="FindInModuleHandler"/> for the method): its exact matches, the
/// candidates Zoho returned, the gaps it could not search, and its audit lines in the run.
/// </summary>
internal sealed class ModuleSearch(ZohoActivityRun<FindRecordsResult> run, FindInModuleInput input, DsrOptions options, ILogger logger)
{
    /// <summary>The gap reported when Zoho refuses <c>like</c>: <c>=</c> misses padded values that Search cannot see yet.</summary>
    public const string LikeRefusedReason = "coql like refused: records written within the search index delay may be missed";

    private readonly string _module = input.Module.Module;
    private readonly string _email = input.SubjectEmail.Trim();

    /// <summary>Rows read by the current <see cref="MatchAsync"/>, also when Zoho stopped it part-way.</summary>
    private int _rows;

    /// <summary>Records with an email field exactly the subject's.</summary>
    public HashSet<string> Matched { get; } = new(StringComparer.Ordinal);

    /// <summary>Records Zoho returned before exact filtering.</summary>
    public HashSet<string> Candidates { get; } = new(StringComparer.Ordinal);

    /// <summary>Parts of the module that could not be searched.</summary>
    public List<ModuleGap> Gaps { get; } = [];

    private AuditLines Audit => run.Audit;

    /// <summary>Searches the module; returns how.</summary>
    public async Task<FindMethod> RunAsync(CancellationToken cancellationToken)
    {
        ModuleProfile profile = input.Module;
        if (profile.EmailFields.Count == 0)
        {
            Audit.Add(AuditActions.Find, _module, 0, AuditOutcomes.NoEmailFields);
            return FindMethod.None;
        }

        if (profile.RestrictedEmailFields.Count > 0)
        {
            await ScanAsync(profile, cancellationToken).ConfigureAwait(false);
            return FindMethod.Scan;
        }

        return await CoqlThenSearchAsync(profile.EmailFields, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The free-text field searched for mentions.</summary>
    public const string MentionField = "Description";

    /// <summary>
    /// Records whose <see cref="MentionField"/> holds the email as a whole address but which did not match: advisory, so a
    /// refusal (the module has no such field, or Zoho will not query it) only skips them for this module.
    /// </summary>
    public async Task<IReadOnlyList<Mention>> MentionsAsync(CancellationToken cancellationToken)
    {
        var mentions = new SortedSet<string>(StringComparer.Ordinal);
        int rows = 0;
        try
        {
            CoqlQuery query = new(_module, ["id", MentionField], CoqlCondition.Contains(MentionField, _email));
            await foreach (ZohoRecord record in run.Client.QueryAsync(query, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                if (!Matched.Contains(record.Id) && EmailMention.In(record.GetString(MentionField), _email))
                {
                    mentions.Add(record.Id);
                }
            }
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 401 or 403)
        {
            Log.MentionsSkipped(logger, input.RequestId, input.OrgId, _module, ex.Code);
            Audit.Add(AuditActions.Mentions, _module, rows, AuditOutcomes.Failed, ex.Code);
            return [];
        }

        Audit.Add(AuditActions.Mentions, _module, rows, AuditOutcomes.Ok);
        return [.. mentions.Select(id => new Mention(_module, id, MentionField))];
    }

    /// <summary>COQL on the (unrestricted) email fields, then Search as cross-check where it is cheap and can work.</summary>
    private async Task<FindMethod> CoqlThenSearchAsync(IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        int coqlRows = 0;
        bool coqlWorked = true;
        try
        {
            coqlRows = await CoqlAsync(fields, cancellationToken).ConfigureAwait(false);
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 401 or 403)
        {
            Log.LookupFellBack(logger, input.RequestId, input.OrgId, _module, ex.Code);
            if (string.Equals(ex.Code, "INVALID_QUERY", StringComparison.Ordinal) && IsRestrictedFieldError(ex))
            {
                // The metadata said unrestricted but Zoho says restricted: only a scan can look.
                Audit.Add(AuditActions.Coql, _module, 0, AuditOutcomes.FallbackScan, ex.Code);
                Candidates.Clear();
                Matched.Clear();
                Gaps.Clear();
                await ScanAsync(input.Module with { RestrictedEmailFields = input.Module.EmailFields }, cancellationToken).ConfigureAwait(false);
                return FindMethod.Scan;
            }

            Audit.Add(AuditActions.Coql, _module, 0, AuditOutcomes.Failed, ex.Code);
            coqlWorked = false;
        }

        if (coqlWorked && coqlRows >= FindInModuleHandler.SearchResultCap)
        {
            return FindMethod.Coql;
        }

        await SearchAsync(fields, coqlWorked, cancellationToken).ConfigureAwait(false);
        return coqlWorked ? FindMethod.Coql : FindMethod.Search;
    }

    /// <summary>
    /// COQL on the email fields as configured (<see cref="DsrOptions.CoqlEmailMatch"/>). <c>like '%email%'</c> also returns
    /// values with spaces around the email, which Search cannot see while a record is younger than its index delay; if
    /// Zoho refuses <c>like</c> (<c>INVALID_QUERY</c>, not a restricted field), <c>=</c> is asked instead and the module is
    /// reported as a gap, since a fresh padded value would be missed. Returns the rows read.
    /// </summary>
    private async Task<int> CoqlAsync(IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        if (options.CoqlEmailMatch == CoqlEmailMatch.Like)
        {
            try
            {
                return await QueryAsync(fields, CoqlEmailMatch.Like, cancellationToken).ConfigureAwait(false);
            }
            catch (ZohoApiException ex) when (IsLikeRefused(ex))
            {
                Log.LookupFellBack(logger, input.RequestId, input.OrgId, _module, ex.Code);
                Audit.Add(AuditActions.Coql, _module, _rows, AuditOutcomes.FallbackEquals, ex.Code);
                Candidates.Clear();
                Matched.Clear();
                Gaps.Add(new ModuleGap(_module, LikeRefusedReason, ex.Code));
            }
        }

        return await QueryAsync(fields, CoqlEmailMatch.Equals, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One COQL lookup: every email field compared with the email (one condition each), exact matches kept.</summary>
    private async Task<int> QueryAsync(IReadOnlyList<string> fields, CoqlEmailMatch match, CancellationToken cancellationToken)
    {
        CoqlCondition where = CoqlCondition.AnyOf(fields.Select(f => match == CoqlEmailMatch.Like ? CoqlCondition.Contains(f, _email) : CoqlCondition.Equal(f, _email)));
        int rows = await MatchAsync(run.Client.QueryAsync(new CoqlQuery(_module, ["id", .. fields], where), cancellationToken), fields, cancellationToken).ConfigureAwait(false);
        Audit.Add(AuditActions.Coql, _module, rows, AuditOutcomes.Ok);
        return rows;
    }

    /// <summary>Search <c>email=</c>; a refusal keeps COQL's answer, or fails the search when COQL did not work either.</summary>
    private async Task SearchAsync(IReadOnlyList<string> fields, bool coqlWorked, CancellationToken cancellationToken)
    {
        try
        {
            int searched = await MatchAsync(run.Client.SearchByEmailAsync(_module, _email, cancellationToken), fields, cancellationToken).ConfigureAwait(false);
            Audit.Add(AuditActions.Search, _module, searched, AuditOutcomes.Ok);
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 401 or 403)
        {
            // LIMIT_REACHED past 2,000 results keeps what was read; other refusals leave COQL's answer as it is.
            string outcome = string.Equals(ex.Code, "LIMIT_REACHED", StringComparison.Ordinal) ? AuditOutcomes.Partial : AuditOutcomes.Failed;
            Audit.Add(AuditActions.Search, _module, _rows, outcome, ex.Code);
            if (!coqlWorked)
            {
                throw;
            }
        }
    }

    /// <summary>
    /// A restricted email field can be neither searched nor queried: list every record with its email fields, then read
    /// each one not matched yet with private fields (unless the private scan is off).
    /// </summary>
    private async Task ScanAsync(ModuleProfile profile, CancellationToken cancellationToken)
    {
        var toRead = new List<string>();
        int listed = 0;
        await foreach (ZohoRecord record in run.Client.ListRecordsAsync(_module, ["id", .. profile.EmailFields], cancellationToken).ConfigureAwait(false))
        {
            listed++;
            if (!TryMatch(record, profile.EmailFields))
            {
                toRead.Add(record.Id);
            }
        }

        Audit.Add(AuditActions.Scan, _module, listed, AuditOutcomes.Ok);
        if (!options.ScanRestrictedEmailFields)
        {
            Log.RestrictedScanSkipped(logger, input.RequestId, input.OrgId, _module, toRead.Count);
            Audit.Add(AuditActions.ScanPrivate, _module, 0, AuditOutcomes.Disabled);
            if (toRead.Count > 0)
            {
                Gaps.Add(new ModuleGap(_module, "email fields restricted and scan disabled"));
            }

            return;
        }

        await ReadPrivateAsync(profile, toRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads each record with private fields, the only call that can show a restricted value.</summary>
    private async Task ReadPrivateAsync(ModuleProfile profile, List<string> ids, CancellationToken cancellationToken)
    {
        int read = 0;
        int hidden = 0;
        foreach (string id in ids)
        {
            ZohoRecord? record = await run.Client.GetRecordAsync(_module, id, includePrivateFields: true, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                continue;
            }

            read++;
            if (profile.RestrictedEmailFields.All(f => record.GetString(f) is null))
            {
                hidden++;
            }

            TryMatch(record, profile.EmailFields);
        }

        bool allHidden = read > 0 && hidden == read;
        if (allHidden)
        {
            Log.RestrictedValuesHidden(logger, input.RequestId, input.OrgId, _module, read);
            Gaps.Add(new ModuleGap(_module, "restricted values hidden"));
        }

        Audit.Add(AuditActions.ScanPrivate, _module, read, allHidden ? AuditOutcomes.RestrictedHidden : AuditOutcomes.Ok);
    }

    /// <summary>Every record of a lookup is a candidate; those with an email field equal to the subject's match.</summary>
    private async Task<int> MatchAsync(IAsyncEnumerable<ZohoRecord> records, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        _rows = 0;
        await foreach (ZohoRecord record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            _rows++;
            Candidates.Add(record.Id);
            if (EmailMatch.AnyField(record, fields, _email))
            {
                Matched.Add(record.Id);
            }
        }

        return _rows;
    }

    /// <summary>A scanned record: a candidate and a match when an email field equals the subject's.</summary>
    private bool TryMatch(ZohoRecord record, IReadOnlyList<string> fields)
    {
        if (!EmailMatch.AnyField(record, fields, _email))
        {
            return false;
        }

        Candidates.Add(record.Id);
        Matched.Add(record.Id);
        return true;
    }

    private static bool IsLikeRefused(ZohoApiException ex)
        => ex is not ZohoThrottledException && ex.Status == 400
            && string.Equals(ex.Code, "INVALID_QUERY", StringComparison.Ordinal) && !IsRestrictedFieldError(ex);

    private static bool IsRestrictedFieldError(ZohoApiException ex)
        => ex.Details is { } details && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty("reason", out JsonElement reason) && reason.ValueKind == JsonValueKind.String
            && (reason.GetString() ?? string.Empty).Contains("restricted", StringComparison.OrdinalIgnoreCase);
}

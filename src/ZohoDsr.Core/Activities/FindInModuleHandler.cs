using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Finds the subject in one parent module, using Zoho's two lookups for what each is good at (DESIGN.md step 2):
/// <list type="bullet">
/// <item><b>COQL</b> on the module's unrestricted email fields is the primary: immediate (sees records written a moment
/// ago) and paged beyond 2,000 rows. By default it asks <c>Email like '%x%' or Secondary_Email like '%x%'</c>, so a value
/// stored with spaces around the email is a candidate too (<c>=</c> would miss it, and Search cannot see it while the
/// record is younger than its index delay); <see cref="DsrOptions.CoqlEmailMatch"/> <c>Equals</c> asks <c>=</c>. If Zoho
/// refuses <c>like</c>, <c>=</c> is asked and the module is reported as a <see cref="ModuleGap"/>.</item>
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
/// <para>Unless <see cref="DsrOptions.ReportMentions"/> is off, one more COQL asks for records whose <c>Description</c>
/// holds the email; those not matched are returned as mentions, for review only. A refusal skips them for the module.</para>
/// </summary>
public sealed class FindInModuleHandler(
    ZohoActivityRunner runner,
    IOptions<DsrOptions> options,
    AuditWriter audit,
    ILogger<FindInModuleHandler> logger)
{
    /// <summary>Search's cap on results (400 <c>LIMIT_REACHED</c> past it).</summary>
    public const int SearchResultCap = 2_000;

    public async Task<FindRecordsResult> HandleAsync(FindInModuleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.SubjectEmail);
        string module = input.Module.Module;
        ZohoActivityRun<FindRecordsResult> run = runner.Start(DsrActivities.FindInModule, input, AuditActions.Find, module);
        run.Audit.SubjectHash = await audit.HashSubjectAsync(input.OrgId, input.RequestId, input.SubjectEmail.Trim(), cancellationToken).ConfigureAwait(false);
        return await run.RunAsync(
            async () =>
            {
                var search = new ModuleSearch(run, input, options.Value, logger);
                FindMethod method = await search.RunAsync(cancellationToken).ConfigureAwait(false);
                IReadOnlyList<Mention> mentions = options.Value.ReportMentions && method != FindMethod.None
                    ? await search.MentionsAsync(cancellationToken).ConfigureAwait(false)
                    : [];
                List<string> ids = search.Matched.Order(StringComparer.Ordinal).ToList();
                run.Audit.Add(AuditActions.Find, module, ids.Count, AuditOutcomes.Ok, recordIds: ids);
                Log.SubjectFound(logger, input.RequestId, input.OrgId, module, ids.Count, method);
                return new FindRecordsResult(module, ids, method, search.Candidates.Count) { Gaps = search.Gaps, Mentions = mentions };
            },
            () => new FindRecordsResult(module, [], FindMethod.None, 0),
            cancellationToken).ConfigureAwait(false);
    }
}

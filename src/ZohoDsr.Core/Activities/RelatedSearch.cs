using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// One FindRelated search of one related module (see <see cref="FindRelatedHandler"/>): the records whose contact lookup
/// holds a matched contact (or whose <c>What_Id</c> holds a matched lead), with their real module, the rows Zoho returned, and its audit lines in the run.
/// </summary>
internal sealed class RelatedSearch(ZohoActivityRun<FindRecordsResult> run, FindRelatedInput input, ILogger logger)
{
    private readonly RelatedModuleProfile _profile = input.Module;
    private readonly HashSet<string> _contacts = new(input.ContactIds.Where(id => !string.IsNullOrWhiteSpace(id)), StringComparer.Ordinal);
    private readonly bool _pseudo = string.Equals(input.Module.Module, ZohoModules.Activities, StringComparison.Ordinal);

    /// <summary>Record id → its real module (null for a pseudo-module row of unknown kind).</summary>
    public Dictionary<string, string?> Found { get; } = new(StringComparer.Ordinal);

    /// <summary>Parts that could not be read (the Notes module refused to a user who is not an administrator).</summary>
    public List<ModuleGap> Gaps { get; } = [];

    /// <summary>Rows Zoho returned before the lookup check.</summary>
    public int Candidates { get; private set; }

    /// <summary>Reads the module by <paramref name="method"/>; returns the method used (a fallback may change it).</summary>
    public async Task<FindMethod> RunAsync(FindMethod method, CancellationToken cancellationToken)
    {
        string module = _profile.Module;
        if (_pseudo)
        {
            string[] lists = [_profile.RelatedListApiName ?? ZohoModules.Activities, ZohoModules.ActivitiesHistoryList];
            foreach (string list in lists.Distinct(StringComparer.Ordinal))
            {
                await ReadListAsync(list, cancellationToken).ConfigureAwait(false);
            }

            return method;
        }

        if (_profile.RelatedListApiName is not { } relatedList)
        {
            try
            {
                await QueryLookupAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status == 403 && string.Equals(module, ZohoModules.Notes, StringComparison.Ordinal))
            {
                // Querying Notes is for administrators only (reference sections 3, 13): reported, not guessed.
                Log.ModuleUnavailable(logger, input.RequestId, input.OrgId, module, ex.Code);
                run.Audit.Add(AuditActions.Lookup, module, 0, AuditOutcomes.Skipped, ex.Code);
                Gaps.Add(new ModuleGap(module, "module not accessible", ex.Code));
            }

            return method;
        }

        try
        {
            await ReadListAsync(relatedList, cancellationToken).ConfigureAwait(false);
            return method;
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status == 400 && string.Equals(ex.Code, "INVALID_DATA", StringComparison.Ordinal))
        {
            // The list is unknown or hidden for this user: the lookup finds the same records.
            Log.LookupFellBack(logger, input.RequestId, input.OrgId, module, ex.Code);
            run.Audit.Add(AuditActions.Related, module, 0, AuditOutcomes.FallbackLookup, ex.Code);
            Found.Clear();
            Candidates = 0;
            await QueryLookupAsync(cancellationToken).ConfigureAwait(false);
            return FindMethod.Lookup;
        }
    }

    /// <summary>
    /// The contacts' related list, one call per contact. Activity rows carry their kind ($module, Activity_Type) without
    /// asking: the list serves Calls, Tasks and Events, so only fields those modules share may be requested.
    /// </summary>
    private async Task ReadListAsync(string list, CancellationToken cancellationToken)
    {
        string lookup = _profile.LookupField;
        int rows = 0;
        foreach (string contact in _contacts.Order(StringComparer.Ordinal))
        {
            await foreach (ZohoRecord record in run.Client.GetRelatedRecordsAsync(input.ParentModule, contact, list, ["id", lookup], cancellationToken).ConfigureAwait(false))
            {
                rows++;
                if (OwnedByAContact(record))
                {
                    Found[record.Id] = _pseudo ? ZohoModules.ActivityModuleOf(record.GetString("$module"), record.GetString("Activity_Type")) : _profile.Module;
                }
            }
        }

        Candidates += rows;
        run.Audit.Add(AuditActions.RelatedList, _profile.Module, rows, AuditOutcomes.Ok);
    }

    /// <summary>COQL on the module's contact lookup, 50 contacts per call.</summary>
    private async Task QueryLookupAsync(CancellationToken cancellationToken)
    {
        string lookup = _profile.LookupField;
        int rows = 0;
        foreach (string[] chunk in _contacts.Order(StringComparer.Ordinal).Chunk(FindRelatedHandler.LookupChunkSize))
        {
            var query = new CoqlQuery(_profile.Module, ["id", lookup], CoqlCondition.In(lookup, chunk));
            await foreach (ZohoRecord record in run.Client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                if (OwnedByAContact(record))
                {
                    Found[record.Id] = _profile.Module;
                }
            }
        }

        Candidates += rows;
        run.Audit.Add(AuditActions.Lookup, _profile.Module, rows, AuditOutcomes.Ok);
    }

    /// <summary>
    /// The record's lookup holds one of the parents' ids; a multi-module lookup (<c>What_Id</c>) must also name the
    /// parents' module in <c>$se_module</c> when the row carries it.
    /// </summary>
    private bool OwnedByAContact(ZohoRecord record)
        => record.GetLookupId(_profile.LookupField) is { } owner && _contacts.Contains(owner)
            && (!string.Equals(_profile.LookupField, ZohoModules.WhatId, StringComparison.Ordinal)
                || record.GetString(ZohoModules.SeModule) is not { } seModule
                || string.Equals(seModule, input.ParentModule, StringComparison.Ordinal));
}

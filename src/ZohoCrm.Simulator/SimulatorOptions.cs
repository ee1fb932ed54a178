namespace ZohoCrm.Simulator;

/// <summary>Options of a simulator instance. Switches marked UNCONFIRMED default to the stricter behaviour.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Clock for token expiry, credit windows, index delay, latency faults.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Fresh records are invisible to Search (204) for this long, but visible to COQL and GET.</summary>
    public TimeSpan SearchIndexDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Seeds faults and generated ids.</summary>
    public int RandomSeed { get; set; } = 1;

    /// <summary>Listen address; port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>Write the simulator's log to the console (standalone runs).</summary>
    public bool LogToConsole { get; set; }

    /// <summary>UNCONFIRMED: v2 lists stop at 2,000 records by page (DISCRETE_PAGINATION_LIMIT_EXCEEDED) and page on with page_token, as v3+ do.</summary>
    public bool V2DiscretePaginationLimit { get; set; } = true;

    /// <summary>UNCONFIRMED: Search with <c>email=</c> fails with INVALID_QUERY when an email field of the module is restricted.</summary>
    public bool SearchEmailOnRestrictedFieldFails { get; set; } = true;

    /// <summary>UNCONFIRMED: module API names are case-sensitive (<c>contacts</c> answers INVALID_MODULE).</summary>
    public bool ModuleNamesCaseSensitive { get; set; } = true;

    /// <summary>UNCONFIRMED: a GET or related-list call on an unknown or deleted id answers 400 INVALID_DATA (false: 204).</summary>
    public bool UnknownRecordIdIsInvalidData { get; set; } = true;

    /// <summary>UNCONFIRMED: a COQL query without rows answers 204 with no body (false: 200 with empty data).</summary>
    public bool CoqlNoRowsIs204 { get; set; } = true;

    /// <summary>
    /// UNCONFIRMED (reference section 7 lists <c>like</c> without saying which field types take it): COQL refuses
    /// <c>like</c> / <c>not like</c> on email fields with 400 INVALID_QUERY. Default false: accepted, contains, ignoring case.
    /// </summary>
    public bool CoqlRefusesLikeOnEmailFields { get; set; }

    /// <summary>Sources disagree: COQL LIMIT maximum on v2 (v3+ allow 2,000).</summary>
    public int CoqlV2MaxLimit { get; set; } = 200;

    /// <summary>Sources disagree: COQL OFFSET + LIMIT reach (10,000 or 100,000).</summary>
    public int CoqlMaxOffsetPlusLimit { get; set; } = 10_000;

    /// <summary>UNCONFIRMED: COQL on v7+ also needs ZohoCRM.settings.fields.READ (or settings.ALL).</summary>
    public bool CoqlRequiresFieldsScopeFromV7 { get; set; } = true;

    /// <summary>UNCONFIRMED: ZohoCRM.org.READ grants the org API (strict: only ZohoCRM.org.ALL).</summary>
    public bool AcceptOrgReadScope { get; set; }

    /// <summary>UNCONFIRMED: the first API version whose delete answers 207 Multi-Status for mixed results (v2 answers 200).</summary>
    public int MultiStatusFromVersion { get; set; } = 3;

    /// <summary>
    /// UNCONFIRMED: restricted private field values are null without <c>include=private_fields</c> and returned with it.
    /// False follows the seed's sample strictly: always null.
    /// </summary>
    public bool RestrictedValuesWithPrivateFields { get; set; } = true;

    /// <summary>
    /// UNCONFIRMED (reference section 13): deleting a record also moves its notes and attachments (and the notes'
    /// attachments) to the recycle bin. Strict default: no cascade, so a client must delete them itself, children first.
    /// </summary>
    public bool DeleteCascadesToNotesAndAttachments { get; set; }

    /// <summary>Grant code lifetime (2 minutes on the v3 page, 3 on the v8 page: the shorter one).</summary>
    public TimeSpan GrantCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);
}

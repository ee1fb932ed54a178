namespace ZohoDsr.Core.Telemetry;

/// <summary>
/// The attribute names ZohoDsr's instruments carry (see <see cref="DsrTelemetry"/>). Values are low-cardinality
/// tokens: ids of orgs, API names of modules, and the values in <see cref="DsrTelemetryValues"/> and
/// <see cref="DsrDueBuckets"/>. Never an email, a name, a record id or a field value.
/// </summary>
public static class DsrTelemetryAttributes
{
    /// <summary>The kind of request: <c>access</c> or <c>delete</c>.</summary>
    public const string RequestType = "zohodsr.request.type";

    /// <summary>The request's final status: <c>completed</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public const string RequestStatus = "zohodsr.request.status";

    /// <summary>The Zoho org id the request is carried out in.</summary>
    public const string OrgId = "zohodsr.org.id";

    /// <summary>The Zoho module's API name (<c>Contacts</c>, <c>Leads</c>, ...).</summary>
    public const string Module = "zohodsr.module";

    /// <summary>What happened to a record: <c>found</c>, <c>deleted</c>, <c>not_found</c>, <c>failed</c>, <c>skipped_*</c>.</summary>
    public const string RecordOutcome = "zohodsr.record.outcome";

    /// <summary>Days to the due date of open requests: <c>overdue</c>, <c>0-7</c>, <c>8-14</c>, <c>15+</c>.</summary>
    public const string DueBucket = "zohodsr.due.bucket";

    /// <summary>The number of days <see cref="DsrTelemetry.RequestDueSoon"/> looks ahead.</summary>
    public const string DueWithinDays = "zohodsr.due.within_days";

    /// <summary>
    /// Why a request failed: a low-cardinality reason from <see cref="DsrErrorTypes"/> or Zoho's error code
    /// (OpenTelemetry's <c>error.type</c>). Only on failed requests.
    /// </summary>
    public const string ErrorType = "error.type";
}

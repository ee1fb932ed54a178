using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Contracts;

/// <summary>
/// The intake system's webhook body (<c>POST /api/dsr</c>). Every property is nullable so that validation can name every
/// missing or bad field at once (<see cref="DsrRequestValidator"/>).
/// </summary>
public sealed record DsrRequest
{
    /// <summary>The intake system's id of the request; with <see cref="OrgId"/> it makes the request idempotent.</summary>
    public string? RequestId { get; init; }

    public DsrRequestType? Type { get; init; }

    public DsrSubject? Subject { get; init; }

    /// <summary>The Zoho CRM org, as configured (<c>Zoho:Orgs:{orgId}</c>).</summary>
    public string? OrgId { get; init; }

    /// <summary>Which modules to search and, for delete, to delete. Null means the org's configured defaults.</summary>
    public IReadOnlyList<string>? Modules { get; init; }

    /// <summary>Delete only: report what would be deleted, delete nothing.</summary>
    public bool? DryRun { get; init; }

    /// <summary>Delete only: wait for an approve / reject event (with a deadline) before deleting.</summary>
    public bool? RequireApproval { get; init; }

    /// <summary>Delete only: also purge the deleted records from Zoho's recycle bin where the API version allows it.</summary>
    public bool? PurgeRecycleBin { get; init; }

    /// <summary>Where to POST the signed summary when the request finishes (https, or http on loopback).</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>
    /// When the person made the request (ISO 8601 with an offset), from which the due date is counted. Null: when the
    /// webhook arrives. A time further in the future than the signature tolerance is refused.
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The rules of the due date (<c>gdpr</c>, <c>ccpa</c>, <c>custom</c>). Null: <c>ZohoDsr:Deadlines:Regime</c>.</summary>
    public DeadlineRegimeKind? Regime { get; init; }
}

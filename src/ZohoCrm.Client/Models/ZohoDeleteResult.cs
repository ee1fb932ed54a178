namespace ZohoCrm.Client;

/// <summary>One record's outcome of a delete call (<c>data[i]</c>): <c>SUCCESS</c>, <c>INVALID_DATA</c>, <c>RECORD_LOCKED</c>, ...</summary>
/// <param name="Id">The record id, from <c>details.id</c> (or the id sent, in order, when Zoho omits it).</param>
/// <param name="Code">Zoho's code for this record.</param>
/// <param name="Status"><c>success</c> or <c>error</c>.</param>
/// <param name="Message">Zoho's message for this record.</param>
public sealed record ZohoDeleteResult(string Id, string Code, string Status, string? Message)
{
    /// <summary>
    /// The code of a record Zoho's answer did not mention at all (never dropped: reported as a failure so it is retried or
    /// checked).
    /// </summary>
    public const string NoResultCode = "NO_RESULT";

    /// <summary>True when Zoho deleted the record.</summary>
    public bool Succeeded => string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);
}

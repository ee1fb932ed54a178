namespace ZohoCrm.Client;

/// <summary>
/// A call that is not safe to repeat (a delete, a recycle-bin purge) was sent, or may have been, and no usable answer
/// came back: the connection dropped after the request went out, a timeout, a 408 or a 5xx (a gateway's 502, 503 or 504
/// among them), or a 2xx whose body could not be read. Zoho may have applied it in full, in part or not at all. The
/// client never repeats such a call on its own: a repeated delete of records Zoho already deleted answers
/// <c>INVALID_DATA</c>, which reads as "not found".
/// </summary>
/// <remarks>
/// <para>Reconcile before anything else, by <see cref="Ids"/>:</para>
/// <list type="bullet">
/// <item>a delete (<see cref="ZohoCrmClient.DeleteRecordsAsync"/>): read
/// <see cref="ZohoCrmClient.ListDeletedRecordsAsync"/>(<see cref="Module"/>, <see cref="ZohoDeletedRecordType.Recycle"/>);
/// an id listed there is deleted. An id still readable (<see cref="ZohoCrmClient.GetRecordAsync"/>, or an exact COQL by
/// id) was not deleted and may be sent again. An id in neither was deleted earlier or does not exist.</item>
/// <item>a purge (<see cref="ZohoCrmClient.PurgeFromRecycleBinAsync"/>): an id no longer in the recycle bin is purged; one
/// still there may be sent again.</item>
/// </list>
/// </remarks>
public sealed class ZohoOutcomeUnknownException : ZohoApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status that came back, or 0 when none did.</param>
    /// <param name="code">Zoho's code, when the answer carried one.</param>
    /// <param name="message">The message (no URI, body, token or email).</param>
    /// <param name="module">The module of the call, when it has one (a purge has none).</param>
    /// <param name="ids">The record ids the call carried.</param>
    /// <param name="innerException">The transport failure, when there was one.</param>
    public ZohoOutcomeUnknownException(int status, string? code, string message, string? module, IReadOnlyList<string> ids, Exception? innerException = null)
        : base(status, code, message, null, null, innerException)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Module = module;
        Ids = ids;
    }

    /// <summary>The module of the call (<c>Contacts</c>, ...), or null for a recycle-bin purge.</summary>
    public string? Module { get; }

    /// <summary>The record ids the call carried, every one of them of unknown outcome.</summary>
    public IReadOnlyList<string> Ids { get; }
}

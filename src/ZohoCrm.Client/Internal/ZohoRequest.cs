namespace ZohoCrm.Client;

/// <summary>One API call.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path below <c>{api_domain}/crm/{version}/</c>, with its query string (already encoded).</param>
/// <param name="Operation">A short name for messages (e.g. "list records").</param>
/// <param name="Module">The module, for logs and messages (module names are not personal data).</param>
/// <param name="Scope">The OAuth scope this call needs beyond the modules scope (or the modules scope).</param>
/// <param name="Credits">The call's API credits.</param>
/// <param name="JsonBody">The request body, when there is one.</param>
/// <param name="PerRecordResults">True when 207/400 bodies carry per-record outcomes in <c>data[]</c> (delete).</param>
internal sealed record ZohoRequest(
    HttpMethod Method,
    string PathAndQuery,
    string Operation,
    string? Module,
    string Scope,
    int Credits,
    byte[]? JsonBody = null,
    bool PerRecordResults = false)
{
    /// <summary>
    /// True when sending the call twice does no harm, so the HTTP layer may repeat it after a transient failure: reads
    /// (every GET, and COQL's POST). False for a delete: a repeat could answer <c>INVALID_DATA</c> for what the first
    /// attempt deleted, and a lost answer becomes <see cref="ZohoOutcomeUnknownException"/>.
    /// </summary>
    public bool Repeatable { get; init; } = Method == HttpMethod.Get;

    /// <summary>The record ids a call that is not <see cref="Repeatable"/> carries, for <see cref="ZohoOutcomeUnknownException.Ids"/>.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];
}

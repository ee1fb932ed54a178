namespace ZohoCrm.Client;

/// <summary>A listing read page by page: everything of each page's <see cref="ZohoRequest"/> but the paging parameters.</summary>
/// <param name="Path">The path below <c>crm/{version}/</c>, encoded.</param>
/// <param name="Query">The query string without paging (encoded; may be empty).</param>
/// <param name="Operation">A short name for messages.</param>
/// <param name="Module">The module, for logs and messages.</param>
/// <param name="Scope">The OAuth scope the call needs.</param>
/// <param name="Credits">Credits per page.</param>
/// <param name="TokenPaging">True when the listing continues by <c>page_token</c> (records, related records, deleted records; not Search).</param>
internal sealed record ZohoPageRequest(string Path, string Query, string Operation, string Module, string Scope, int Credits, bool TokenPaging);

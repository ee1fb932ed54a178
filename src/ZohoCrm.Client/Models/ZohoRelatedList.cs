namespace ZohoCrm.Client;

/// <summary>A related list from <c>/settings/related_lists?module=</c> (names differ from module names: <c>SalesOrders</c>).</summary>
/// <param name="ApiName">The related list's API name, used in <c>/{module}/{id}/{ApiName}</c>.</param>
/// <param name="Module">The module its rows come from (e.g. <c>Sales_Orders</c>), when given.</param>
/// <param name="DisplayLabel">The label shown in the CRM.</param>
/// <param name="Visible">Whether the list is visible (hidden lists answer <c>INVALID_DATA</c>).</param>
public sealed record ZohoRelatedList(string ApiName, string? Module, string? DisplayLabel, bool Visible);

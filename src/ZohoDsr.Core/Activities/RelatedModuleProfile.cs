namespace ZohoDsr.Core.Activities;

/// <summary>
/// A related module and how its records link to a contact: through the Contacts related list named
/// <see cref="RelatedListApiName"/> (from the org's related-list metadata; e.g. <c>SalesOrders</c>), or, when the org has
/// no such list, by COQL on <see cref="LookupField"/> (<c>Who_Id</c>, <c>Contact_Name</c>).
/// </summary>
public sealed record RelatedModuleProfile(string Module, string? RelatedListApiName, string LookupField);

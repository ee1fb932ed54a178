namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Children before parents: related modules (Calls, Tasks, Quotes, ...) first, then the parents that hang off a contact
/// (Deals, Cases, Leads), Contacts, and last Accounts / Vendors (a contact's own parents).
/// </summary>
internal static class DeleteOrder
{
    public static int Rank(string module, IReadOnlyCollection<string> parentModules) => module switch
    {
        "Contacts" => 4,
        "Leads" => 3,
        "Cases" => 2,
        "Accounts" or "Vendors" => 5,
        _ when parentModules.Contains(module) => 1,
        _ => 0,
    };
}

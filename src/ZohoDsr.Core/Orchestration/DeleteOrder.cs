namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Children before parents: notes first (whether Zoho deletes a parent's notes with it is unconfirmed), then related modules
/// (Calls, Tasks, Quotes, ...), then the parents that hang off a contact (Deals, Cases, Leads), Contacts, and last
/// Accounts / Vendors (a contact's own parents).
/// </summary>
internal static class DeleteOrder
{
    public static int Rank(string module, IReadOnlyCollection<string> parentModules) => module switch
    {
        "Notes" => -1,
        "Contacts" => 4,
        "Leads" => 3,
        "Cases" => 2,
        "Accounts" or "Vendors" => 5,
        _ when parentModules.Contains(module) => 1,
        _ => 0,
    };
}

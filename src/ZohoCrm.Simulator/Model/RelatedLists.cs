namespace ZohoCrm.Simulator.Model;

/// <summary>
/// The default related lists per module (Contacts as in reference section 5). Every module has Attachments and Notes
/// (reference section 13), linked by <c>Parent_Id</c>; a note has Attachments only.
/// </summary>
internal static class RelatedLists
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<RelatedListDef>> ByModule =
        new Dictionary<string, IReadOnlyList<RelatedListDef>>(StringComparer.Ordinal)
        {
            [Schemas.Contacts] =
            [
                new("Attachments", "Attachments", Schemas.Attachments, "Parent_Id", RelatedKind.Lookup),
                new("Notes", "Notes", Schemas.Notes, "Parent_Id", RelatedKind.Lookup),
                new("Deals", "Deals", Schemas.Deals, "Contact_Name", RelatedKind.Lookup),
                new("Activities", "Open Activities", Schemas.Activities, "Who_Id", RelatedKind.OpenActivities),
                new("Activities_History", "Closed Activities", Schemas.Activities, "Who_Id", RelatedKind.ClosedActivities),
                new("Invited_Events", "Invited Events", Schemas.Events, null, RelatedKind.Empty),
                new("Products", "Products", "Products", null, RelatedKind.Empty),
                new("Cases", "Cases", Schemas.Cases, "Related_To", RelatedKind.Lookup),
                new("Quotes", "Quotes", Schemas.Quotes, "Contact_Name", RelatedKind.Lookup),
                new("Invoices", "Invoices", Schemas.Invoices, "Contact_Name", RelatedKind.Lookup),
                new("Campaigns", "Campaigns", "Campaigns", null, RelatedKind.Empty),
                new("SalesOrders", "Sales Orders", Schemas.SalesOrders, "Contact_Name", RelatedKind.Lookup),
                new("PurchaseOrders", "Purchase Orders", Schemas.PurchaseOrders, "Contact_Name", RelatedKind.Lookup),
                new("Social", "Social", null, null, RelatedKind.NotReadable),
            ],
            [Schemas.Leads] =
            [
                new("Attachments", "Attachments", Schemas.Attachments, "Parent_Id", RelatedKind.Lookup),
                new("Notes", "Notes", Schemas.Notes, "Parent_Id", RelatedKind.Lookup),
                new("Activities", "Open Activities", Schemas.Activities, "What_Id", RelatedKind.OpenActivities),
                new("Activities_History", "Closed Activities", Schemas.Activities, "What_Id", RelatedKind.ClosedActivities),
                new("Invited_Events", "Invited Events", Schemas.Events, null, RelatedKind.Empty),
                new("Products", "Products", "Products", null, RelatedKind.Empty),
                new("Campaigns", "Campaigns", "Campaigns", null, RelatedKind.Empty),
                new("Social", "Social", null, null, RelatedKind.NotReadable),
            ],
            [Schemas.Notes] =
            [
                new("Attachments", "Attachments", Schemas.Attachments, "Parent_Id", RelatedKind.Lookup),
            ],
            [Schemas.Accounts] =
            [
                new("Attachments", "Attachments", Schemas.Attachments, "Parent_Id", RelatedKind.Lookup),
                new("Notes", "Notes", Schemas.Notes, "Parent_Id", RelatedKind.Lookup),
                new("Contacts", "Contacts", Schemas.Contacts, "Account_Name", RelatedKind.Lookup),
                new("Deals", "Deals", Schemas.Deals, "Account_Name", RelatedKind.Lookup),
                new("Activities", "Open Activities", Schemas.Activities, "What_Id", RelatedKind.OpenActivities),
                new("Activities_History", "Closed Activities", Schemas.Activities, "What_Id", RelatedKind.ClosedActivities),
                new("Cases", "Cases", Schemas.Cases, "Account_Name", RelatedKind.Lookup),
                new("Quotes", "Quotes", Schemas.Quotes, "Account_Name", RelatedKind.Lookup),
                new("Invoices", "Invoices", Schemas.Invoices, "Account_Name", RelatedKind.Lookup),
                new("SalesOrders", "Sales Orders", Schemas.SalesOrders, "Account_Name", RelatedKind.Lookup),
            ],
        };

    public static readonly IReadOnlyList<RelatedListDef> Default =
    [
        new("Attachments", "Attachments", Schemas.Attachments, "Parent_Id", RelatedKind.Lookup),
        new("Notes", "Notes", Schemas.Notes, "Parent_Id", RelatedKind.Lookup),
    ];

    public static IReadOnlyList<RelatedListDef> For(string module) => ByModule.GetValueOrDefault(module) ?? Default;
}

namespace ZohoCrm.Simulator.Model;

/// <summary>The standard modules the simulator serves, with the fields of reference section 11.</summary>
internal static class Schemas
{
    public const string Contacts = "Contacts";
    public const string Leads = "Leads";
    public const string Accounts = "Accounts";
    public const string Deals = "Deals";
    public const string Cases = "Cases";
    public const string Calls = "Calls";
    public const string Tasks = "Tasks";
    public const string Events = "Events";
    public const string Quotes = "Quotes";
    public const string Invoices = "Invoices";
    public const string SalesOrders = "Sales_Orders";
    public const string PurchaseOrders = "Purchase_Orders";
    public const string Notes = "Notes";
    public const string Vendors = "Vendors";
    public const string Activities = "Activities";
    public const string Attachments = "Attachments";

    public static readonly IReadOnlyList<ModuleSchema> All = Build();

    public static readonly IReadOnlyDictionary<string, ModuleSchema> ByName =
        All.ToDictionary(m => m.ApiName, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, ModuleSchema> ByNameIgnoreCase =
        All.ToDictionary(m => m.ApiName, StringComparer.OrdinalIgnoreCase);

    /// <summary>Modules whose records link to a contact, and the lookup field that does it.</summary>
    public static readonly IReadOnlyList<(string Module, string Field)> ContactChildren =
    [
        (Calls, "Who_Id"), (Tasks, "Who_Id"), (Events, "Who_Id"),
        (Quotes, "Contact_Name"), (Invoices, "Contact_Name"), (SalesOrders, "Contact_Name"), (PurchaseOrders, "Contact_Name"),
    ];

    public static readonly IReadOnlyList<string> ParentModules = [Contacts, Leads, Cases];

    private static List<ModuleSchema> Build()
    {
        var i = 0;
        var list = new List<ModuleSchema>
        {
            Person(new SchemaBuilder(Leads, "Lead", i++))
                .Stored("Company", FieldKind.Text)
                .Stored("Designation", FieldKind.Text, label: "Title")
                .Stored("Lead_Status", FieldKind.Picklist)
                .Stored("Lead_Source", FieldKind.Picklist)
                .Stored("Industry", FieldKind.Picklist)
                .Stored("Street", FieldKind.Text)
                .Stored("City", FieldKind.Text)
                .Stored("State", FieldKind.Text)
                .Stored("Zip_Code", FieldKind.Text)
                .Stored("Country", FieldKind.Text)
                .Stored("Description", FieldKind.TextArea)
                .Stored("Data_Processing_Basis_Details", FieldKind.ConsentLookup)
                .Stored("$stop_processing", FieldKind.SystemBoolean)
                .Computed("$converted", FieldKind.SystemBoolean, FieldSource.ConstantFalse)
                .Standard()
                .Build("Full_Name"),
            Person(new SchemaBuilder(Contacts, "Contact", i++))
                .Stored("Home_Phone", FieldKind.Phone)
                .Stored("Account_Name", FieldKind.Lookup, Accounts)
                .Stored("Title", FieldKind.Text)
                .Stored("Department", FieldKind.Text)
                .Stored("Mailing_Street", FieldKind.Text)
                .Stored("Mailing_City", FieldKind.Text)
                .Stored("Mailing_State", FieldKind.Text)
                .Stored("Mailing_Zip", FieldKind.Text)
                .Stored("Mailing_Country", FieldKind.Text)
                .Stored("Date_of_Birth", FieldKind.Date)
                .Stored("Lead_Source", FieldKind.Picklist)
                .Stored("Description", FieldKind.TextArea)
                .Stored("Data_Processing_Basis_Details", FieldKind.ConsentLookup)
                .Stored("$stop_processing", FieldKind.SystemBoolean)
                .Standard()
                .Build("Full_Name"),
            new SchemaBuilder(Accounts, "Account", i++)
                .Stored("Account_Name", FieldKind.Text)
                .Stored("Phone", FieldKind.Phone)
                .Stored("Website", FieldKind.Website)
                .Stored("Industry", FieldKind.Picklist)
                .Stored("Billing_City", FieldKind.Text)
                .Stored("Billing_Country", FieldKind.Text)
                .Standard()
                .Build("Account_Name"),
            new SchemaBuilder(Deals, "Deal", i++)
                .Stored("Deal_Name", FieldKind.Text)
                .Stored("Stage", FieldKind.Picklist)
                .Stored("Amount", FieldKind.Currency)
                .Stored("Closing_Date", FieldKind.Date)
                .Stored("Contact_Name", FieldKind.Lookup, Contacts)
                .Stored("Account_Name", FieldKind.Lookup, Accounts)
                .Stored("Description", FieldKind.TextArea)
                .Standard()
                .Build("Deal_Name"),
            new SchemaBuilder(Cases, "Case", i++)
                .Stored("Subject", FieldKind.Text)
                .Stored("Case_Number", FieldKind.AutoNumber)
                .Stored("Status", FieldKind.Picklist)
                .Stored("Case_Origin", FieldKind.Picklist)
                .Stored("Priority", FieldKind.Picklist)
                .Stored("Type", FieldKind.Picklist)
                .Stored("Case_Reason", FieldKind.Picklist)
                .Stored("Email", FieldKind.Email)
                .Stored("Phone", FieldKind.Phone)
                .Stored("Reported_By", FieldKind.Text)
                .Stored("Related_To", FieldKind.Lookup, Contacts)
                .Stored("Account_Name", FieldKind.Lookup, Accounts)
                .Stored("Description", FieldKind.TextArea)
                .Standard()
                .Build("Subject"),
            Activity(new SchemaBuilder(Calls, "Call", i++)
                .Stored("Subject", FieldKind.Text)
                .Stored("Call_Type", FieldKind.Picklist)
                .Stored("Call_Start_Time", FieldKind.DateTime)
                .Stored("Call_Duration", FieldKind.Text)
                .Stored("Call_Duration_in_seconds", FieldKind.Integer)
                .Stored("Call_Purpose", FieldKind.Picklist)
                .Stored("Call_Result", FieldKind.Picklist)
                .Stored("Call_Status", FieldKind.Picklist)),
            Activity(new SchemaBuilder(Tasks, "Task", i++)
                .Stored("Subject", FieldKind.Text)
                .Stored("Due_Date", FieldKind.Date)
                .Stored("Status", FieldKind.Picklist)
                .Stored("Priority", FieldKind.Picklist)
                .Stored("Closed_Time", FieldKind.DateTime)),
            Activity(new SchemaBuilder(Events, "Event", i++)
                .Stored("Event_Title", FieldKind.Text)
                .Stored("Start_DateTime", FieldKind.DateTime)
                .Stored("End_DateTime", FieldKind.DateTime)
                .Stored("All_day", FieldKind.Boolean)
                .Stored("Venue", FieldKind.Text), "Event_Title"),
            Inventory(new SchemaBuilder(Quotes, "Quote", i++), "Quote_Number", "Quote_Stage")
                .Stored("Valid_Till", FieldKind.Date)
                .Stored("Deal_Name", FieldKind.Lookup, Deals)
                .Standard()
                .Build("Subject"),
            Inventory(new SchemaBuilder(Invoices, "Invoice", i++), "Invoice_Number", "Status")
                .Stored("Invoice_Date", FieldKind.Date)
                .Standard()
                .Build("Subject"),
            Inventory(new SchemaBuilder(SalesOrders, "Sales Order", i++), "SO_Number", "Status")
                .Stored("Deal_Name", FieldKind.Lookup, Deals)
                .Standard()
                .Build("Subject"),
            Inventory(new SchemaBuilder(PurchaseOrders, "Purchase Order", i++), "PO_Number", "Status")
                .Stored("PO_Date", FieldKind.Date)
                .Stored("Vendor_Name", FieldKind.Lookup, Vendors)
                .Standard()
                .Build("Subject"),
            new SchemaBuilder(Notes, "Note", i++)
                .Stored("Note_Title", FieldKind.Text)
                .Stored("Note_Content", FieldKind.TextArea)
                .Stored("Parent_Id", FieldKind.MultiModuleLookup)
                .Stored("$se_module", FieldKind.SystemString)
                .Standard()
                .Build("Note_Title", searchable: false),
            new SchemaBuilder(Vendors, "Vendor", i++)
                .Stored("Vendor_Name", FieldKind.Text)
                .Stored("Email", FieldKind.Email)
                .Stored("Phone", FieldKind.Phone)
                .Standard()
                .Build("Vendor_Name"),
            new SchemaBuilder(Activities, "Activity", i++)
                .Stored("Subject", FieldKind.Text)
                .Stored("Activity_Type", FieldKind.Picklist)
                .Stored("Who_Id", FieldKind.Lookup, Contacts, "Contact Name")
                .Stored("What_Id", FieldKind.MultiModuleLookup, null, "Related To")
                .Standard()
                .Build("Subject", pseudo: true, searchable: false),

            // Field order and system keys as a Zoho attachment list shows them.
            new SchemaBuilder(Attachments, "Attachment", i++)
                .Stored("Owner", FieldKind.OwnerLookup, "users", "Attachment Owner")
                .Computed("Modified_Time", FieldKind.DateTime, FieldSource.ModifiedTime)
                .Stored("File_Name", FieldKind.Text)
                .Computed("Created_Time", FieldKind.DateTime, FieldSource.CreatedTime)
                .Stored("Size", FieldKind.Text)
                .Stored("Parent_Id", FieldKind.MultiModuleLookup)
                .Computed("$editable", FieldKind.SystemBoolean, FieldSource.ConstantTrue)
                .Stored("$file_id", FieldKind.SystemString)
                .Stored("$type", FieldKind.SystemString)
                .Stored("$se_module", FieldKind.SystemString)
                .Computed("Modified_By", FieldKind.UserLookup, FieldSource.ModifiedBy)
                .Computed("$state", FieldKind.SystemString, FieldSource.StateSave)
                .Computed("Created_By", FieldKind.UserLookup, FieldSource.CreatedBy)
                .StoredOmittedWhenNull("$link_url", FieldKind.SystemString)
                .Build("File_Name", searchable: false, relatedOnly: true),
        };
        return list;
    }

    private static SchemaBuilder Person(SchemaBuilder b) => b
        .Stored("First_Name", FieldKind.Text)
        .Stored("Last_Name", FieldKind.Text)
        .Computed("Full_Name", FieldKind.Text, FieldSource.FullName)
        .Stored("Email", FieldKind.Email)
        .Stored("Secondary_Email", FieldKind.Email)
        .Stored("Phone", FieldKind.Phone)
        .Stored("Mobile", FieldKind.Phone)
        .Stored("Email_Opt_Out", FieldKind.Boolean);

    private static ModuleSchema Activity(SchemaBuilder b, string display = "Subject") => b
        .Stored("Who_Id", FieldKind.Lookup, Contacts, "Contact Name")
        .Stored("What_Id", FieldKind.MultiModuleLookup, null, "Related To")
        .Stored("$se_module", FieldKind.SystemString)
        .Stored("Description", FieldKind.TextArea)
        .Standard()
        .Build(display);

    private static SchemaBuilder Inventory(SchemaBuilder b, string numberField, string statusField) => b
        .Stored("Subject", FieldKind.Text)
        .Stored(numberField, FieldKind.AutoNumber)
        .Stored(statusField, FieldKind.Picklist)
        .Stored("Contact_Name", FieldKind.Lookup, Contacts)
        .Stored("Account_Name", FieldKind.Lookup, Accounts)
        .Stored("Billing_City", FieldKind.Text)
        .Stored("Billing_Country", FieldKind.Text)
        .Stored("Grand_Total", FieldKind.Currency);
}

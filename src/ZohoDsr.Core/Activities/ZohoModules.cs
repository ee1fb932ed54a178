namespace ZohoDsr.Core.Activities;

/// <summary>What the workflow knows of Zoho's standard modules: how child records link to a contact, and the pseudo-module.</summary>
internal static class ZohoModules
{
    public const string Contacts = "Contacts";

    public const string Leads = "Leads";

    public const string Notes = "Notes";

    /// <summary>The lookup of a note (or an attachment) to the record it belongs to; its module in <c>$se_module</c>.</summary>
    public const string ParentId = "Parent_Id";

    /// <summary>
    /// <see cref="FindRelatedInput.ParentModule"/> of a notes search: the parent ids are of any module (a note's
    /// <c>Parent_Id</c> names a contact, a lead, a deal, a call, ...; Zoho's ids are unique across modules).
    /// </summary>
    public const string AnyModule = "*";

    /// <summary>The lookup of an activity to what it is about (an account, a deal, a lead, ...); its module in <c>$se_module</c>.</summary>
    public const string WhatId = "What_Id";

    public const string SeModule = "$se_module";

    /// <summary>The pseudo-module over Calls, Tasks and Events (open activities; closed ones in <c>Activities_History</c>).</summary>
    public const string Activities = "Activities";

    public const string ActivitiesHistoryList = "Activities_History";

    /// <summary>The real modules behind <see cref="Activities"/>.</summary>
    public static IReadOnlyList<string> ActivityModules { get; } = ["Calls", "Tasks", "Events"];

    /// <summary>The contact lookup of the standard child modules (reference section 11).</summary>
    public static IReadOnlyDictionary<string, string> ContactLookups { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Activities"] = "Who_Id",
        ["Calls"] = "Who_Id",
        ["Tasks"] = "Who_Id",
        ["Events"] = "Who_Id",
        ["Quotes"] = "Contact_Name",
        ["Invoices"] = "Contact_Name",
        ["Sales_Orders"] = "Contact_Name",
        ["Purchase_Orders"] = "Contact_Name",
        ["Deals"] = "Contact_Name",
        ["Cases"] = "Related_To",
    };

    /// <summary>
    /// The real module of an <c>Activities</c> row: from <c>$module</c> when present, else from <c>Activity_Type</c>
    /// (<c>Calls</c>/<c>Call</c>, <c>Tasks</c>/<c>Task</c>, <c>Events</c>/<c>Event</c>); null when neither says.
    /// </summary>
    public static string? ActivityModuleOf(string? dollarModule, string? activityType)
    {
        foreach (string? value in new[] { dollarModule, activityType })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            string v = value.Trim();
            foreach (string module in ActivityModules)
            {
                if (string.Equals(v, module, StringComparison.OrdinalIgnoreCase) || string.Equals(v, module[..^1], StringComparison.OrdinalIgnoreCase))
                {
                    return module;
                }
            }
        }

        return null;
    }
}

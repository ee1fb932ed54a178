using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Contracts;

/// <summary>The module API names a request may select: Zoho's standard modules the workflow knows and the configured lists.</summary>
public static class DsrModuleCatalog
{
    /// <summary>The standard modules (reference section 3), by their exact API names.</summary>
    public static IReadOnlyList<string> Standard { get; } =
    [
        "Contacts", "Leads", "Cases", "Accounts", "Deals", "Vendors",
        "Activities", "Calls", "Tasks", "Events",
        "Quotes", "Invoices", "Sales_Orders", "Purchase_Orders",
        "Notes",
    ];

    /// <summary>True when <paramref name="module"/> is a standard module or on one of the configured lists (exact API name).</summary>
    public static bool IsKnown(string module, DsrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(module)
            && (Standard.Contains(module, StringComparer.Ordinal)
                || options.ParentModules.Contains(module, StringComparer.Ordinal)
                || options.RelatedModules.Contains(module, StringComparer.Ordinal)
                || options.DeletableModules.Contains(module, StringComparer.Ordinal));
    }
}

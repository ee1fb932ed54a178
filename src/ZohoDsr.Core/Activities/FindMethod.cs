namespace ZohoDsr.Core.Activities;

/// <summary>How a module's records of the subject were looked up (<see cref="FindMethods.Name"/> for the status contract).</summary>
public enum FindMethod
{
    /// <summary>Not looked up: the module has no email field.</summary>
    None,

    /// <summary>COQL on the email fields (exact, immediate), with Search as cross-check where it can work.</summary>
    Coql,

    /// <summary>The Search API alone (COQL unavailable).</summary>
    Search,

    /// <summary>A paged scan with private-field reads (a restricted email field).</summary>
    Scan,

    /// <summary>The contacts' related list.</summary>
    RelatedList,

    /// <summary>COQL on the module's contact lookup.</summary>
    Lookup,
}

using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>The names of <see cref="FindMethod"/> in <see cref="ModuleOutcome.Method"/>.</summary>
public static class FindMethods
{
    /// <summary>A module that could not be searched (a gap).</summary>
    public const string Unsearched = "unsearched";

    public static string Name(FindMethod method) => method switch
    {
        FindMethod.None => "none",
        FindMethod.Coql => "coql",
        FindMethod.Search => "search",
        FindMethod.Scan => "scan",
        FindMethod.RelatedList => "related-list",
        FindMethod.Lookup => "lookup",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a find method."),
    };

    /// <summary>How a related module is looked up: its related list when the org has one, else its contact lookup.</summary>
    public static FindMethod Of(RelatedModuleProfile module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.RelatedListApiName is null ? FindMethod.Lookup : FindMethod.RelatedList;
    }
}

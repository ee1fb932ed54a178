using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>The exact matches in one module: ids only.</summary>
/// <param name="Candidates">Records Zoho returned before exact filtering (look-alikes included).</param>
public sealed record FindRecordsResult(string Module, IReadOnlyList<string> RecordIds, FindMethod Method, int Candidates) : ZohoActivityResult
{
    /// <summary>
    /// Only for the pseudo-module <c>Activities</c> (whose rows are Calls, Tasks and Events): each real module and its ids
    /// among <see cref="RecordIds"/>. Export and delete must use these real modules; Zoho deletes nothing by <c>Activities</c>.
    /// Rows whose kind Zoho does not say are left out (never deleted under a guessed module) and reported in <see cref="Gaps"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? RecordIdsByModule { get; init; }

    /// <summary>Parts of the module that could not be searched (records never checked, values Zoho hid).</summary>
    public IReadOnlyList<ModuleGap> Gaps { get; init; } = [];

    /// <summary>Records that are not the subject's but hold the email in free text (<c>Description</c>): for review only.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}

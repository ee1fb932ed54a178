using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>Join the parts into the request's one export file.</summary>
public sealed record FinalizeExportInput(string OrgId, string RequestId, IReadOnlyList<string> PartNames) : ActivityInput(OrgId, RequestId)
{
    /// <summary>Records that hold the subject's email only in free text, listed in the export for review.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}

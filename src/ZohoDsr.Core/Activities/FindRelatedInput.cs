namespace ZohoDsr.Core.Activities;

/// <summary>Find one related module's records of the matched contacts (by contact id, never by email).</summary>
public sealed record FindRelatedInput(string OrgId, string RequestId, RelatedModuleProfile Module, IReadOnlyList<string> ContactIds)
    : ActivityInput(OrgId, RequestId);

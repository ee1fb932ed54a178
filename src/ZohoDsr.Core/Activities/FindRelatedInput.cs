namespace ZohoDsr.Core.Activities;

/// <summary>
/// Find one related module's records of the matched contacts (by contact id, never by email); with
/// <see cref="ParentModule"/> <c>Leads</c>, the activities whose <c>What_Id</c> is one of the matched leads in
/// <see cref="ContactIds"/>.
/// </summary>
public sealed record FindRelatedInput(string OrgId, string RequestId, RelatedModuleProfile Module, IReadOnlyList<string> ContactIds)
    : ActivityInput(OrgId, RequestId)
{
    /// <summary>
    /// The module of the ids in <see cref="ContactIds"/>: <c>Contacts</c> (default), <c>Leads</c>, or
    /// <see cref="ZohoModules.AnyModule"/> for notes by <c>Parent_Id</c>.
    /// </summary>
    public string ParentModule { get; init; } = ZohoModules.Contacts;
}

namespace ZohoDsr.Core.Activities;

/// <summary>Find the subject in one parent module (Search and COQL for what each is good at; a scan only for restricted email fields).</summary>
public sealed record FindInModuleInput(string OrgId, string RequestId, ModuleProfile Module, string SubjectEmail) : ActivityInput(OrgId, RequestId)
{
    public override string ToString() => $"FindInModuleInput {{ OrgId = {OrgId}, RequestId = {RequestId}, Module = {Module.Module}, CallId = {CallId} }}";
}

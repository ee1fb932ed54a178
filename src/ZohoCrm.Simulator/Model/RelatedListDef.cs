namespace ZohoCrm.Simulator.Model;

/// <summary>A related list of a module, as the related-lists metadata names it.</summary>
internal sealed record RelatedListDef(string ApiName, string DisplayLabel, string? TargetModule, string? LookupField, RelatedKind Kind);

namespace ZohoCrm.Simulator;

/// <summary>A note (<c>Notes</c> module) whose <c>Parent_Id</c> is one of a subject's records.</summary>
public sealed record PlantedNote(string Id, string ParentModule, string ParentId);

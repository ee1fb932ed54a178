namespace ZohoCrm.Simulator;

/// <summary>
/// A record that is not the subject's but holds the subject's email in free text (a <c>Description</c>, a note's
/// <c>Note_Content</c>): to be reported for review, never deleted.
/// </summary>
public sealed record PlantedMention(string Module, string Id, string Field);

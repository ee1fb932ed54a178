namespace ZohoDsr.Core.Contracts;

/// <summary>
/// A record that is not the subject's but holds the subject's email in a free-text field: reported for a person to
/// review, never deleted, never counted as found.
/// </summary>
public sealed record Mention(string Module, string Id, string Field);

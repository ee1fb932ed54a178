namespace ZohoCrm.Simulator;

/// <summary>A CRM user of a simulated org (the API user is the first).</summary>
public sealed record SimUser(string Id, string Name);

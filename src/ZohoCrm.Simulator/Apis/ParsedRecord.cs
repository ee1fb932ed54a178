namespace ZohoCrm.Simulator.Apis;

/// <summary>One record of a planting body, ready to store: its values and, for a file attachment, its bytes.</summary>
internal sealed record ParsedRecord(object?[] Values, byte[]? Content);

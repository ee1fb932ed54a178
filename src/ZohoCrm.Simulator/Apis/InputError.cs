namespace ZohoCrm.Simulator.Apis;

/// <summary>Why one record of a planting body was refused, in Zoho's per-record error terms.</summary>
internal sealed record InputError(string Code, string Message, string JsonPath, string? ApiName = null, string? ExpectedDataType = null);

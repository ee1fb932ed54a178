namespace ZohoDsr.Core.Contracts;

/// <summary>One record's outcome: module, Zoho record id, what happened, and Zoho's code when it failed.</summary>
public sealed record RecordOutcome(string Module, string RecordId, RecordOutcomeKind Outcome, string? ZohoCode = null);

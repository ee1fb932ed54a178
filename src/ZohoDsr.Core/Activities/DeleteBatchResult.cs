using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>Every record's outcome (Deleted / NotFound / Failed with Zoho's code).</summary>
public sealed record DeleteBatchResult(string Module, IReadOnlyList<RecordOutcome> Outcomes) : ZohoActivityResult;

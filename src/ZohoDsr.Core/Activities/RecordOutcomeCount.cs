using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>How many of the subject's records in <paramref name="Module"/> ended with <paramref name="Outcome"/>.</summary>
public sealed record RecordOutcomeCount(string Module, RecordOutcomeKind Outcome, int Count);

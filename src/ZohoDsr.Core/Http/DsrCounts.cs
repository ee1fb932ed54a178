namespace ZohoDsr.Core.Http;

/// <summary>A request's counts in a list: modules worked, records found, deleted and failed (from its result, else its progress).</summary>
public sealed record DsrCounts(int ModulesDone, int ModulesTotal, int Found, int Deleted, int Failed);

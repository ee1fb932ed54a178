namespace ZohoDsr.Core.Activities;

/// <summary>The part written: its name in the export store and how many records it holds.</summary>
public sealed record ExportRecordsResult(string Module, string PartName, int Count, IReadOnlyList<string> MissingIds) : ZohoActivityResult;

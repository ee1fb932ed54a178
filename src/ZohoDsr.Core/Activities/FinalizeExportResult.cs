namespace ZohoDsr.Core.Activities;

/// <summary>The export's location (blob URI or local path) and its record count.</summary>
public sealed record FinalizeExportResult(string Location, int Records);

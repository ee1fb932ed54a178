namespace ZohoDsr.Core.Exports;

/// <summary>The outcome of <see cref="IExportStore.CreateRecordIfAbsentAsync"/>: whether this call created the record, and the record as stored.</summary>
public sealed record ExportRecordWrite(bool Created, BinaryData Content);

namespace ZohoDsr.Core.Configuration;

/// <summary>The values of <c>ZohoDsr:Exports:Kind</c>.</summary>
public static class ExportKinds
{
    /// <summary>Azure Blob Storage (or Azurite): <see cref="Exports.BlobExportStore"/>.</summary>
    public const string Blob = "Blob";

    /// <summary>A local folder: <see cref="Exports.LocalFolderExportStore"/>.</summary>
    public const string LocalFolder = "LocalFolder";
}

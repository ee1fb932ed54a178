namespace ZohoDsr.Core.Configuration;

/// <summary>Where exports and audit logs go: Blob Storage (Azure, Azurite) or a local folder (the local host).</summary>
public sealed class ExportOptions
{
    /// <summary><c>Blob</c> or <c>LocalFolder</c>.</summary>
    public string Kind { get; set; } = "Blob";

    /// <summary>Blob: the service URI, used with DefaultAzureCredential (managed identity in Azure).</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Blob: a connection string instead (Azurite, development only).</summary>
    public string? ConnectionString { get; set; }

    public string Container { get; set; } = "exports";

    /// <summary>LocalFolder: the root folder.</summary>
    public string LocalPath { get; set; } = ".local-exports";
}

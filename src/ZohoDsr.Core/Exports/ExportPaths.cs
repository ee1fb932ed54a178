using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Exports;

/// <summary>
/// The layout shared by every export store: <c>{orgId}/{requestId}/export.json|audit.jsonl|parts/{part}</c>. The request id
/// follows <see cref="DsrRequestId"/>, the rule intake validates, so every request that is accepted has a place here.
/// </summary>
public static class ExportPaths
{
    public const string ExportFileName = "export.json";

    public const string AuditFileName = "audit.jsonl";

    public const string PartsFolder = "parts";

    /// <summary>The folder (blob prefix) of one request, ending with <c>/</c>.</summary>
    public static string RequestPrefix(string orgId, string requestId)
        => $"{Segment(orgId, nameof(orgId))}/{DsrRequestId.ThrowIfInvalid(requestId, nameof(requestId))}/";

    public static string Export(string orgId, string requestId) => RequestPrefix(orgId, requestId) + ExportFileName;

    public static string Audit(string orgId, string requestId) => RequestPrefix(orgId, requestId) + AuditFileName;

    /// <summary>
    /// A record of the request next to its audit log (<c>{orgId}/{requestId}/{recordName}</c>): a single segment ending in
    /// <c>.json</c>, other than the export itself.
    /// </summary>
    public static string Record(string orgId, string requestId, string recordName)
    {
        Segment(recordName, nameof(recordName));
        if (!recordName.EndsWith(".json", StringComparison.Ordinal) || recordName == ExportFileName)
        {
            throw new ArgumentException($"'{nameof(recordName)}' must name a .json record other than {ExportFileName}.", nameof(recordName));
        }

        return RequestPrefix(orgId, requestId) + recordName;
    }

    public static string PartsPrefix(string orgId, string requestId) => RequestPrefix(orgId, requestId) + PartsFolder + "/";

    public static string Part(string orgId, string requestId, string partName)
        => PartsPrefix(orgId, requestId) + Segment(partName, nameof(partName));

    /// <summary>Checks that a value can be one path segment: not empty, no separators or control characters, not . or ...</summary>
    public static string Segment(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value is "." or ".." || value.Length > 200 || value.Any(c => c is '/' or '\\' || char.IsControl(c)))
        {
            throw new ArgumentException($"'{name}' must be one path segment (no '/', '\\', control characters, '.' or '..', at most 200 characters).", name);
        }

        return value;
    }
}

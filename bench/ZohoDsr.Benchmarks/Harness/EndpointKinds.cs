namespace ZohoDsr.Benchmarks.Harness;

/// <summary>Maps the simulator's endpoint templates (<c>SimCounters.CallsByEndpoint</c> keys) to kinds and credit costs.</summary>
public static class EndpointKinds
{
    public static IReadOnlyList<EndpointKind> All { get; } = Enum.GetValues<EndpointKind>();

    /// <summary>The kind of an endpoint template such as <c>GET /crm/{v}/{module}/search</c>.</summary>
    public static EndpointKind Classify(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        int space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        string method = space < 0 ? endpoint : endpoint[..space];
        string path = space < 0 ? string.Empty : endpoint[(space + 1)..];
        const string Prefix = "/crm/{v}";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            path = path[Prefix.Length..];
        }

        return (method, path) switch
        {
            (_, "/settings/recycle_bin" or "/settings/recycle_bin/{id}") => EndpointKind.RecycleBin,
            ("GET", "/{module}/deleted") => EndpointKind.RecycleBin,
            ("GET", "/org") => EndpointKind.Metadata,
            ("GET", _) when path.StartsWith("/settings/", StringComparison.Ordinal) => EndpointKind.Metadata,
            ("POST", "/coql") => EndpointKind.Coql,
            ("GET", "/{module}/search") => EndpointKind.Search,
            ("GET", "/{module}/{id}/{related_list}") => EndpointKind.RelatedList,
            ("GET", "/{module}/{id}") => EndpointKind.RecordGet,
            ("GET", "/{module}") => EndpointKind.List,
            ("DELETE", _) => EndpointKind.Delete,
            _ => EndpointKind.Other,
        };
    }

    /// <summary>
    /// Credits of one call of the endpoint by Zoho's credit table (reference section 9), except COQL, whose cost depends on
    /// its LIMIT (1, 2 or 3): null for COQL, which <see cref="CallTally"/> derives from the org's credit total.
    /// </summary>
    public static int? CreditsPerCall(string endpoint) => Classify(endpoint) switch
    {
        EndpointKind.Coql => null,
        _ when endpoint == "GET /crm/{v}/{module}/deleted" => 2,
        _ => 1,
    };

    /// <summary>A short column heading for the kind.</summary>
    public static string Label(EndpointKind kind) => kind switch
    {
        EndpointKind.Metadata => "metadata",
        EndpointKind.Coql => "COQL",
        EndpointKind.Search => "Search",
        EndpointKind.RelatedList => "related lists",
        EndpointKind.RecordGet => "record GETs",
        EndpointKind.List => "Get Records pages",
        EndpointKind.Delete => "deletes",
        EndpointKind.RecycleBin => "recycle bin",
        _ => "other",
    };
}

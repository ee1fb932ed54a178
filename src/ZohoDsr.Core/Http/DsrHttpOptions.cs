namespace ZohoDsr.Core.Http;

/// <summary>Settings of the HTTP contract's operator routes (section <c>ZohoDsr:Http</c>).</summary>
public sealed class DsrHttpOptions
{
    public const string SectionName = "ZohoDsr:Http";

    /// <summary>The shortest operator key accepted.</summary>
    public const int MinOperatorKeyLength = 32;

    /// <summary>
    /// A key that, sent as <c>x-functions-key</c>, lets a caller approve, reject, cancel or extend without signing (the
    /// local host's stand-in for Azure's function key). Empty (default): operator routes take only signed requests. In
    /// Azure the platform checks the function key itself and this setting is not read. A secret.
    /// </summary>
    public string OperatorKey { get; set; } = string.Empty;
}

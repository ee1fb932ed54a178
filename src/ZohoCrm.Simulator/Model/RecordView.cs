namespace ZohoCrm.Simulator.Model;

/// <summary>How records are written for one response: which fields, which version, private values or not.</summary>
internal sealed class RecordView
{
    public required int Version { get; init; }

    /// <summary>Requested fields (null: all of the record's module).</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Per field ordinal of the module: the value is restricted and must be written as null.</summary>
    public bool[]? Hidden { get; init; }

    public required TimeSpan Offset { get; init; }

    /// <summary>Rows of the Activities list carry <c>$module</c> and <c>Activity_Type</c>.</summary>
    public bool ActivityRow { get; init; }

    /// <summary>Lookups written as <c>{"name","id"}</c> (false: <c>{"id"}</c> only).</summary>
    public bool LookupNames { get; init; } = true;
}

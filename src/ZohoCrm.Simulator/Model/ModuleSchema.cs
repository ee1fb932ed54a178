using System.Diagnostics.CodeAnalysis;

namespace ZohoCrm.Simulator.Model;

/// <summary>The fields of one module and how its records are stored.</summary>
internal sealed class ModuleSchema
{
    private readonly Dictionary<string, FieldDef> _byName;

    public ModuleSchema(string apiName, string singular, int index, IReadOnlyList<FieldDef> fields, string displayField)
    {
        ApiName = apiName;
        Singular = singular;
        Index = index;
        Fields = fields;
        for (var i = 0; i < fields.Count; i++)
        {
            fields[i].Ordinal = i;
        }

        _byName = fields.ToDictionary(f => f.ApiName, StringComparer.Ordinal);
        SlotCount = fields.Count(f => f.Slot >= 0);
        EmailFields = [.. fields.Where(f => f.IsEmail)];
        LookupFields = [.. fields.Where(f => f.IsLookup && f.Kind != FieldKind.OwnerLookup && f.Slot >= 0)];
        DisplayField = displayField;
        ScopeName = apiName.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
    }

    public string ApiName { get; }

    public string Singular { get; }

    public int Index { get; }

    /// <summary>Lower-case name used in scopes (<c>salesorders</c>).</summary>
    public string ScopeName { get; }

    public IReadOnlyList<FieldDef> Fields { get; }

    public int SlotCount { get; }

    public IReadOnlyList<FieldDef> EmailFields { get; }

    /// <summary>Lookups to other records (indexed by target id).</summary>
    public IReadOnlyList<FieldDef> LookupFields { get; }

    public string DisplayField { get; }

    public bool IsPseudo { get; init; }

    public bool Searchable { get; init; } = true;

    /// <summary>
    /// Reached only through its parents' related list (<c>Attachments</c>): not a module of the path, the modules
    /// metadata or COQL, though its records are stored, deleted and recycled like any other.
    /// </summary>
    public bool IsRelatedOnly { get; init; }

    public bool TryGetField(string apiName, [NotNullWhen(true)] out FieldDef? field) => _byName.TryGetValue(apiName, out field);

    public FieldDef Field(string apiName) => _byName[apiName];

    public string DisplayName(SimRecord record)
    {
        if (DisplayField == "Full_Name")
        {
            return FullName(record);
        }

        return record.Get(DisplayField) as string ?? string.Empty;
    }

    public string FullName(SimRecord record)
    {
        var first = _byName.TryGetValue("First_Name", out var f) ? record.Values[f.Slot] as string : null;
        var last = _byName.TryGetValue("Last_Name", out var l) ? record.Values[l.Slot] as string : null;
        return string.IsNullOrEmpty(first) ? last ?? string.Empty : first + " " + last;
    }
}

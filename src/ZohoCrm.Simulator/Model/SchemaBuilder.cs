namespace ZohoCrm.Simulator.Model;

/// <summary>Builds a module schema, giving stored fields consecutive slots.</summary>
internal sealed class SchemaBuilder(string apiName, string singular, int index)
{
    private readonly List<FieldDef> _fields = [];
    private int _slots;

    public SchemaBuilder Stored(string apiName, FieldKind kind, string? lookupModule = null, string? label = null)
    {
        _fields.Add(new FieldDef(apiName, label ?? apiName.Replace('_', ' '), kind, FieldSource.Slot, _slots++, lookupModule));
        return this;
    }

    /// <summary>A stored field left out of a whole record while it is null.</summary>
    public SchemaBuilder StoredOmittedWhenNull(string apiName, FieldKind kind)
    {
        _fields.Add(new FieldDef(apiName, apiName.Replace('_', ' '), kind, FieldSource.Slot, _slots++, null) { OmitWhenNull = true });
        return this;
    }

    public SchemaBuilder Computed(string apiName, FieldKind kind, FieldSource source, string? label = null)
    {
        _fields.Add(new FieldDef(apiName, label ?? apiName.Replace('_', ' '), kind, source, -1, null));
        return this;
    }

    /// <summary>Owner, Created_By, Modified_By, Created_Time, Modified_Time, Tag and the usual <c>$</c> keys.</summary>
    public SchemaBuilder Standard()
    {
        Stored("Owner", FieldKind.OwnerLookup, "users", singular + " Owner");
        Computed("Created_By", FieldKind.UserLookup, FieldSource.CreatedBy);
        Computed("Modified_By", FieldKind.UserLookup, FieldSource.ModifiedBy);
        Computed("Created_Time", FieldKind.DateTime, FieldSource.CreatedTime);
        Computed("Modified_Time", FieldKind.DateTime, FieldSource.ModifiedTime);
        Computed("Tag", FieldKind.Tag, FieldSource.TagList);
        Computed("$approved", FieldKind.SystemBoolean, FieldSource.ConstantTrue);
        Computed("$editable", FieldKind.SystemBoolean, FieldSource.ConstantTrue);
        Computed("$process_flow", FieldKind.SystemBoolean, FieldSource.ConstantFalse);
        Computed("$currency_symbol", FieldKind.SystemString, FieldSource.CurrencySymbol);
        return this;
    }

    public ModuleSchema Build(string displayField, bool pseudo = false, bool searchable = true, bool relatedOnly = false) =>
        new(apiName, singular, index, _fields, displayField) { IsPseudo = pseudo, Searchable = searchable, IsRelatedOnly = relatedOnly };
}

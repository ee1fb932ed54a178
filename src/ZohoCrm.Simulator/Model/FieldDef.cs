namespace ZohoCrm.Simulator.Model;

/// <summary>One field of a module schema.</summary>
internal sealed class FieldDef
{
    public FieldDef(string apiName, string label, FieldKind kind, FieldSource source, int slot, string? lookupModule)
    {
        ApiName = apiName;
        Label = label;
        Kind = kind;
        Source = source;
        Slot = slot;
        LookupModule = lookupModule;
        Utf8Name = System.Text.Encoding.UTF8.GetBytes(apiName);
    }

    public string ApiName { get; }

    public byte[] Utf8Name { get; }

    public string Label { get; }

    public FieldKind Kind { get; }

    public FieldSource Source { get; }

    /// <summary>Index in the record's value array, or -1 for computed fields.</summary>
    public int Slot { get; }

    public string? LookupModule { get; }

    /// <summary>Left out of a whole record when null (Zoho writes <c>$link_url</c> only on link attachments).</summary>
    public bool OmitWhenNull { get; init; }

    /// <summary>Position in the schema, used for field ids and restriction masks.</summary>
    public int Ordinal { get; set; }

    /// <summary><c>$</c> keys: written on records, absent from the fields metadata.</summary>
    public bool IsSystem => ApiName.StartsWith('$');

    public bool IsEmail => Kind == FieldKind.Email;

    public bool IsLookup => Kind is FieldKind.Lookup or FieldKind.OwnerLookup or FieldKind.UserLookup or FieldKind.MultiModuleLookup;

    public bool ReadOnly => Source != FieldSource.Slot || Kind == FieldKind.AutoNumber;

    public string DataType => Kind switch
    {
        FieldKind.Text => "text",
        FieldKind.TextArea => "textarea",
        FieldKind.Email => "email",
        FieldKind.Phone => "phone",
        FieldKind.Website => "website",
        FieldKind.Picklist => "picklist",
        FieldKind.Integer => "integer",
        FieldKind.Currency => "currency",
        FieldKind.Boolean => "boolean",
        FieldKind.Date => "date",
        FieldKind.DateTime => "datetime",
        FieldKind.Lookup => "lookup",
        FieldKind.OwnerLookup => "ownerlookup",
        FieldKind.UserLookup => "userlookup",
        FieldKind.MultiModuleLookup => "multimodulelookup",
        FieldKind.ConsentLookup => "consent_lookup",
        FieldKind.AutoNumber => "autonumber",
        FieldKind.MultiSelectLookup => "multiselectlookup",
        FieldKind.Tag => "text",
        _ => "text",
    };

    public string JsonType => Kind switch
    {
        FieldKind.Integer => "integer",
        FieldKind.Currency => "double",
        FieldKind.Boolean => "boolean",
        FieldKind.Lookup or FieldKind.OwnerLookup or FieldKind.UserLookup or FieldKind.MultiModuleLookup
            or FieldKind.ConsentLookup => "jsonobject",
        FieldKind.MultiSelectLookup or FieldKind.Tag => "jsonarray",
        _ => "string",
    };
}

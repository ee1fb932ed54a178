namespace ZohoCrm.Simulator.Model;

/// <summary>Zoho <c>data_type</c> values the simulator stores.</summary>
internal enum FieldKind
{
    Text,
    TextArea,
    Email,
    Phone,
    Website,
    Picklist,
    Integer,
    Currency,
    Boolean,
    Date,
    DateTime,
    Lookup,
    OwnerLookup,
    UserLookup,
    MultiModuleLookup,
    ConsentLookup,
    AutoNumber,
    MultiSelectLookup,
    Tag,
    SystemString,
    SystemBoolean,
}

namespace ZohoCrm.Simulator.Model;

/// <summary>Where a field's value comes from: a stored slot or the record itself.</summary>
internal enum FieldSource
{
    Slot,
    FullName,
    CreatedTime,
    ModifiedTime,
    CreatedBy,
    ModifiedBy,
    TagList,
    ConstantTrue,
    ConstantFalse,
    CurrencySymbol,
    Id,
    StateSave,
}

namespace ZohoCrm.Simulator.Model;

/// <summary>A stored record: its id, times and one value per stored field of its module (compact, no dictionaries).</summary>
internal sealed class SimRecord(ModuleSchema schema, long id, long createdUnix, long modifiedUnix, object?[] values)
{
    private int _state;
    private LookupRef? _self;

    public ModuleSchema Schema { get; } = schema;

    public long Id { get; } = id;

    public long CreatedUnix { get; } = createdUnix;

    public long ModifiedUnix { get; } = modifiedUnix;

    public object?[] Values { get; } = values;

    public RecordState State
    {
        get => (RecordState)Volatile.Read(ref _state);
        set => Volatile.Write(ref _state, (int)value);
    }

    public bool IsLive => Volatile.Read(ref _state) == (int)RecordState.Live;

    public long DeletedUnix { get; set; }

    /// <summary>Set when the record goes to the recycle bin.</summary>
    public RecordDeletion? Deletion { get; set; }

    /// <summary>Set when the record is purged from the recycle bin by a call.</summary>
    public RecordPurge? Purge { get; set; }

    public bool Locked { get; set; }

    /// <summary>The <c>{"name","id"}</c> other records use to point at this one (shared instance).</summary>
    public LookupRef Self => _self ??= new LookupRef(Id, DisplayName);

    public string DisplayName => Schema.DisplayName(this);

    public object? Get(FieldDef field) => field.Slot >= 0 ? Values[field.Slot] : null;

    public object? Get(string apiName) => Schema.TryGetField(apiName, out var f) ? Get(f) : null;
}

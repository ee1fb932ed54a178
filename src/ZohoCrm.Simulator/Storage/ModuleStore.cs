using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Storage;

/// <summary>
/// The records of one module of one org, in id order, with indexes by email and by lookup id.
/// Readers run concurrently; writers (seeding, insert, delete) take the write lock.
/// </summary>
internal sealed class ModuleStore
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly List<SimRecord> _records = [];
    private readonly Dictionary<long, SimRecord> _byId = [];
    private readonly EmailIndex? _emails;
    private readonly Dictionary<long, object>?[] _lookups;
    private int _live;

    public ModuleStore(ModuleSchema schema, bool[] restricted)
    {
        Schema = schema;
        Restricted = restricted;
        _emails = schema.EmailFields.Count > 0 ? new EmailIndex() : null;
        _lookups = new Dictionary<long, object>?[schema.SlotCount];
        foreach (var field in schema.LookupFields)
        {
            _lookups[field.Slot] = [];
        }
    }

    public ModuleSchema Schema { get; }

    /// <summary>Per field ordinal: private and restricted in this org.</summary>
    public bool[] Restricted { get; }

    public int LiveCount => Volatile.Read(ref _live);

    public void Add(SimRecord record)
    {
        _lock.EnterWriteLock();
        try
        {
            AddUnlocked(record);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void AddRange(IEnumerable<SimRecord> records)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var record in records)
            {
                AddUnlocked(record);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public SimRecord? Find(long id)
    {
        _lock.EnterReadLock();
        try
        {
            return _byId.GetValueOrDefault(id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Live records matching <paramref name="filter"/> in id order, skipping <paramref name="skip"/>.</summary>
    public List<SimRecord> Page(Func<SimRecord, bool>? filter, int skip, int take, bool descending, out bool more) =>
        PageFrom(null, filter, skip, take, descending, out more);

    /// <summary>As <see cref="Page"/>, starting after the record with id <paramref name="afterId"/> (binary search).</summary>
    public List<SimRecord> PageFrom(long? afterId, Func<SimRecord, bool>? filter, int skip, int take, bool descending, out bool more)
    {
        var result = new List<SimRecord>(Math.Min(take, 256));
        more = false;
        _lock.EnterReadLock();
        try
        {
            var count = _records.Count;
            int start;
            if (afterId is long after)
            {
                var pos = BinarySearch(after);
                start = descending ? (pos >= 0 ? pos - 1 : ~pos - 1) : (pos >= 0 ? pos + 1 : ~pos);
            }
            else
            {
                start = descending ? count - 1 : 0;
            }

            var step = descending ? -1 : 1;
            var skipped = 0;
            for (var i = start; i >= 0 && i < count; i += step)
            {
                var r = _records[i];
                if (!r.IsLive || (filter is not null && !filter(r)))
                {
                    continue;
                }

                if (skipped < skip)
                {
                    skipped++;
                    continue;
                }

                if (result.Count == take)
                {
                    more = true;
                    break;
                }

                result.Add(r);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return result;
    }

    /// <summary>Every record (any state) matching <paramref name="filter"/>, in id order.</summary>
    public List<SimRecord> Where(Func<SimRecord, bool> filter)
    {
        var result = new List<SimRecord>();
        _lock.EnterReadLock();
        try
        {
            foreach (var r in _records)
            {
                if (filter(r))
                {
                    result.Add(r);
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return result;
    }

    public List<SimRecord> EmailExact(string normalized)
    {
        var result = new List<SimRecord>();
        if (_emails is null)
        {
            return result;
        }

        _lock.EnterReadLock();
        try
        {
            _emails.Exact(normalized, result);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return result;
    }

    public List<SimRecord> EmailContains(string normalized, bool prefix)
    {
        var result = new List<SimRecord>();
        if (_emails is null)
        {
            return result;
        }

        _lock.EnterReadLock();
        try
        {
            if (prefix)
            {
                _emails.StartsWith(normalized, result);
            }
            else
            {
                _emails.Contains(normalized, result);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return result;
    }

    public List<SimRecord> ByLookup(FieldDef field, long targetId)
    {
        var result = new List<SimRecord>();
        var index = field.Slot >= 0 ? _lookups[field.Slot] : null;
        if (index is null)
        {
            return result;
        }

        _lock.EnterReadLock();
        try
        {
            if (index.TryGetValue(targetId, out var entry))
            {
                PostingList.AppendTo(entry, result);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return result;
    }

    public bool HasLookupIndex(FieldDef field) => field.Slot >= 0 && _lookups[field.Slot] is not null;

    /// <summary>Moves a live record to the recycle bin, noting who deleted it, when and by which call.</summary>
    public DeleteOutcome Delete(long id, RecordDeletion deletion)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_byId.TryGetValue(id, out var r) || !r.IsLive)
            {
                return DeleteOutcome.NotFound;
            }

            if (r.Locked)
            {
                return DeleteOutcome.Locked;
            }

            r.DeletedUnix = deletion.Unix;
            r.Deletion = deletion;
            r.State = RecordState.Recycled;
            _live--;
            return DeleteOutcome.Deleted;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Deletes a recycled record permanently.</summary>
    public bool Purge(long id, RecordPurge purge)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_byId.TryGetValue(id, out var r) || r.State != RecordState.Recycled)
            {
                return false;
            }

            r.Purge = purge;
            r.State = RecordState.Purged;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void AddUnlocked(SimRecord record)
    {
        if (_records.Count == 0 || _records[^1].Id < record.Id)
        {
            _records.Add(record);
        }
        else
        {
            // Concurrent inserts can take their ids in one order and reach the store in the other.
            var pos = BinarySearch(record.Id);
            if (pos >= 0)
            {
                throw new InvalidOperationException($"Record {record.Id} is already stored.");
            }

            _records.Insert(~pos, record);
        }

        _byId.Add(record.Id, record);
        if (record.IsLive)
        {
            _live++;
        }

        if (_emails is not null)
        {
            foreach (var field in Schema.EmailFields)
            {
                if (record.Values[field.Slot] is string email)
                {
                    _emails.Add(email, record);
                }
            }
        }

        foreach (var field in Schema.LookupFields)
        {
            if (record.Values[field.Slot] is LookupRef target)
            {
                var index = _lookups[field.Slot]!;
                index[target.Id] = PostingList.Add(index.GetValueOrDefault(target.Id), record);
            }
        }
    }

    private int BinarySearch(long id)
    {
        int lo = 0, hi = _records.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var v = _records[mid].Id;
            if (v == id)
            {
                return mid;
            }

            if (v < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}

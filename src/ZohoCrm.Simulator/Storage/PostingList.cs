using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Storage;

/// <summary>Helpers for index entries holding one record or a list of them (most keys have one).</summary>
internal static class PostingList
{
    public static object Add(object? existing, SimRecord record)
    {
        switch (existing)
        {
            case null:
                return record;
            case SimRecord single:
                return new List<SimRecord>(2) { single, record };
            case List<SimRecord> list:
                list.Add(record);
                return list;
            default:
                throw new InvalidOperationException("Unexpected index entry.");
        }
    }

    public static void AppendTo(object? entry, List<SimRecord> target)
    {
        switch (entry)
        {
            case SimRecord single:
                target.Add(single);
                break;
            case List<SimRecord> list:
                target.AddRange(list);
                break;
        }
    }
}

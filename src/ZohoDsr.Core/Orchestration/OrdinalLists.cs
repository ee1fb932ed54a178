namespace ZohoDsr.Core.Orchestration;

/// <summary>List helpers whose results do not depend on input order beyond the ordinal order of keys (replay-safe).</summary>
internal static class OrdinalLists
{
    /// <summary>The first item per key, in ordinal order of the keys.</summary>
    public static List<T> DistinctBy<T>(IReadOnlyList<T> items, Func<T, string> key)
        => items.GroupBy(key, StringComparer.Ordinal).Select(g => g.First()).OrderBy(key, StringComparer.Ordinal).ToList();

    /// <summary>Consecutive chunks of at most <paramref name="size"/> ids.</summary>
    public static IEnumerable<IReadOnlyList<string>> Chunk(IReadOnlyList<string> ids, int size)
        => ids.Chunk(size).Select(chunk => (IReadOnlyList<string>)chunk);
}

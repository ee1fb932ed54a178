using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Storage;

/// <summary>
/// Index over the email fields of one module: exact lookup by trimmed lower-case value, and "contains" lookup
/// through a trigram index over the distinct values. Not thread-safe: the module store locks around it.
/// </summary>
internal sealed class EmailIndex
{
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];
    private readonly List<object> _entries = [];
    private readonly Dictionary<long, List<int>> _grams = [];

    public int DistinctValues => _values.Count;

    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    public void Add(string raw, SimRecord record)
    {
        var key = Normalize(raw);
        if (key.Length == 0)
        {
            return;
        }

        if (_exact.TryGetValue(key, out var idx))
        {
            _entries[idx] = PostingList.Add(_entries[idx], record);
            return;
        }

        idx = _values.Count;
        _exact.Add(key, idx);
        _values.Add(key);
        _entries.Add(record);
        for (var i = 0; i + 2 < key.Length; i++)
        {
            var gram = Gram(key, i);
            if (!_grams.TryGetValue(gram, out var postings))
            {
                postings = [];
                _grams.Add(gram, postings);
            }

            if (postings.Count == 0 || postings[^1] != idx)
            {
                postings.Add(idx);
            }
        }
    }

    /// <summary>Records whose trimmed value equals <paramref name="normalized"/> ignoring case (any state).</summary>
    public void Exact(string normalized, List<SimRecord> target)
    {
        if (_exact.TryGetValue(normalized, out var idx))
        {
            PostingList.AppendTo(_entries[idx], target);
        }
    }

    /// <summary>Records with a value containing <paramref name="normalized"/> (any state, may repeat a record).</summary>
    public void Contains(string normalized, List<SimRecord> target) => Match(normalized, target, prefix: false);

    /// <summary>Records with a value starting with <paramref name="normalized"/>.</summary>
    public void StartsWith(string normalized, List<SimRecord> target) => Match(normalized, target, prefix: true);

    private void Match(string q, List<SimRecord> target, bool prefix)
    {
        if (q.Length < 3)
        {
            for (var i = 0; i < _values.Count; i++)
            {
                if (Hit(_values[i], q, prefix))
                {
                    PostingList.AppendTo(_entries[i], target);
                }
            }

            return;
        }

        List<int>? best = null;
        for (var i = 0; i + 2 < q.Length; i++)
        {
            if (!_grams.TryGetValue(Gram(q, i), out var postings))
            {
                return;
            }

            if (best is null || postings.Count < best.Count)
            {
                best = postings;
            }
        }

        foreach (var idx in best!)
        {
            if (Hit(_values[idx], q, prefix))
            {
                PostingList.AppendTo(_entries[idx], target);
            }
        }
    }

    private static bool Hit(string value, string q, bool prefix) =>
        prefix ? value.StartsWith(q, StringComparison.Ordinal) : value.Contains(q, StringComparison.Ordinal);

    private static long Gram(string s, int i) => ((long)s[i] << 32) | ((long)s[i + 1] << 16) | s[i + 2];
}

using System.Globalization;

namespace ZohoCrm.Simulator.Model;

/// <summary>
/// A value derived from the record id when it is written or queried, so seeded records need no string of their own
/// for it (phones, streets, postcodes, birth dates). One shared instance per kind of value.
/// </summary>
internal sealed class GeneratedValue(int salt, Func<ulong, string> format)
{
    public static readonly GeneratedValue Phone = new(1, h => string.Concat("+1 555 ", (100 + (h % 900)).ToString(CultureInfo.InvariantCulture), " ", (1000 + (h / 900 % 9000)).ToString(CultureInfo.InvariantCulture)));

    public static readonly GeneratedValue Mobile = new(2, Phone.Format);

    public static readonly GeneratedValue Street = new(3, h => string.Concat((1 + (h % 399)).ToString(CultureInfo.InvariantCulture), " ", Seeding.NamePools.Streets[(int)(h / 399 % (ulong)Seeding.NamePools.Streets.Length)]));

    public static readonly GeneratedValue Zip = new(4, h => (10000 + (h % 89999)).ToString(CultureInfo.InvariantCulture));

    public static readonly GeneratedValue BirthDate = new(5, h => new DateOnly(1950 + (int)(h % 54), 1 + (int)(h / 54 % 12), 1 + (int)(h / 648 % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static readonly GeneratedValue Number = new(6, h => (100_000 + (h % 900_000)).ToString(CultureInfo.InvariantCulture));

    private Func<ulong, string> Format { get; } = format;

    public string Text(long recordId)
    {
        var h = (ulong)recordId * 0x9E3779B97F4A7C15UL;
        h ^= (ulong)salt * 0xBF58476D1CE4E5B9UL;
        h ^= h >> 31;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 29;
        return Format(h);
    }
}

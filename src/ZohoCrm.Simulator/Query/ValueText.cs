using System.Globalization;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Query;

/// <summary>Text forms of stored values, as queries compare them.</summary>
internal static class ValueText
{
    public static string? Of(SimRecord record, FieldDef field, TimeSpan offset)
    {
        switch (field.Source)
        {
            case FieldSource.FullName:
                return record.Schema.FullName(record);
            case FieldSource.CreatedTime:
                return RecordJsonWriter.FormatDateTime(record.CreatedUnix, offset);
            case FieldSource.ModifiedTime:
                return RecordJsonWriter.FormatDateTime(record.ModifiedUnix, offset);
            case FieldSource.CreatedBy or FieldSource.ModifiedBy:
                return (record.Get("Owner") as LookupRef)?.Name;
            case FieldSource.Id:
                return record.Id.ToString(CultureInfo.InvariantCulture);
            case FieldSource.Slot:
                break;
            default:
                return null;
        }

        return record.Values[field.Slot] switch
        {
            null => null,
            string s => s,
            GeneratedValue g => g.Text(record.Id),
            bool b => b ? "true" : "false",
            long l when field.Kind == FieldKind.DateTime => RecordJsonWriter.FormatDateTime(l, offset),
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            LookupRef r => r.Name,
            var other => other.ToString(),
        };
    }

    /// <summary>The numeric form of a value (numbers, date-times as Unix seconds), if it has one.</summary>
    public static double? Number(SimRecord record, FieldDef field)
    {
        return field.Source switch
        {
            FieldSource.CreatedTime => record.CreatedUnix,
            FieldSource.ModifiedTime => record.ModifiedUnix,
            FieldSource.Id => record.Id,
            FieldSource.Slot => record.Values[field.Slot] switch
            {
                long l => l,
                double d => d,
                _ => null,
            },
            _ => null,
        };
    }

    public static double? ParseNumber(FieldDef field, string text)
    {
        if (field.Kind == FieldKind.DateTime || field.Source is FieldSource.CreatedTime or FieldSource.ModifiedTime)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToUnixTimeSeconds() : null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}

using System.Globalization;
using System.Text.Json;

namespace ZohoCrm.Simulator.Model;

/// <summary>Writes records in Zoho's JSON shape straight from their compact storage.</summary>
internal static class RecordJsonWriter
{
    public static void Write(Utf8JsonWriter w, SimRecord record, RecordView view)
    {
        var schema = record.Schema;
        w.WriteStartObject();
        w.WriteString("id", Id(record.Id));
        if (view.Fields is null)
        {
            foreach (var field in schema.Fields)
            {
                if (field.OmitWhenNull && field.Slot >= 0 && record.Values[field.Slot] is null)
                {
                    continue;
                }

                WriteField(w, record, field, view);
            }
        }
        else
        {
            foreach (var name in view.Fields)
            {
                if (name != "id" && schema.TryGetField(name, out var field))
                {
                    WriteField(w, record, field, view);
                }
            }
        }

        if (view.ActivityRow)
        {
            w.WriteString("$module", schema.ApiName);
            w.WriteString("Activity_Type", schema.ApiName);
        }

        w.WriteEndObject();
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static void WriteField(Utf8JsonWriter w, SimRecord record, FieldDef field, RecordView view)
    {
        w.WritePropertyName(field.Utf8Name);
        if (view.Hidden is { } hidden && hidden.Length > field.Ordinal && hidden[field.Ordinal])
        {
            w.WriteNullValue();
            return;
        }

        switch (field.Source)
        {
            case FieldSource.FullName:
                w.WriteStringValue(record.Schema.FullName(record));
                return;
            case FieldSource.CreatedTime:
                WriteDateTime(w, record.CreatedUnix, view.Offset);
                return;
            case FieldSource.ModifiedTime:
                WriteDateTime(w, record.ModifiedUnix, view.Offset);
                return;
            case FieldSource.CreatedBy or FieldSource.ModifiedBy:
                var owner = record.Schema.TryGetField("Owner", out var of) ? record.Values[of.Slot] as LookupRef : null;
                WriteValue(w, owner, FieldKind.UserLookup, view, record.Id);
                return;
            case FieldSource.TagList:
                w.WriteStartArray();
                w.WriteEndArray();
                return;
            case FieldSource.ConstantTrue:
                w.WriteBooleanValue(true);
                return;
            case FieldSource.ConstantFalse:
                w.WriteBooleanValue(false);
                return;
            case FieldSource.CurrencySymbol:
                w.WriteStringValue("$");
                return;
            case FieldSource.StateSave:
                w.WriteStringValue("save");
                return;
            default:
                WriteValue(w, record.Values[field.Slot], field.Kind, view, record.Id);
                return;
        }
    }

    public static void WriteValue(Utf8JsonWriter w, object? value, FieldKind kind, RecordView view, long recordId)
    {
        switch (value)
        {
            case null:
                if (kind == FieldKind.SystemBoolean)
                {
                    w.WriteBooleanValue(false);
                }
                else
                {
                    w.WriteNullValue();
                }

                return;
            case string s:
                w.WriteStringValue(s);
                return;
            case GeneratedValue g:
                w.WriteStringValue(g.Text(recordId));
                return;
            case bool b:
                w.WriteBooleanValue(b);
                return;
            case long l when kind == FieldKind.DateTime:
                WriteDateTime(w, l, view.Offset);
                return;
            case long l:
                w.WriteNumberValue(l);
                return;
            case double d:
                w.WriteNumberValue(d);
                return;
            case LookupRef r:
                w.WriteStartObject();
                if (view.LookupNames)
                {
                    w.WriteString("name", r.Name);
                }

                w.WriteString("id", Id(r.Id));
                if (r.Email is not null && view.Version >= 3 && kind is FieldKind.OwnerLookup or FieldKind.UserLookup)
                {
                    w.WriteString("email", r.Email);
                }

                w.WriteEndObject();
                return;
            case ConsentDetails c:
                WriteConsent(w, c, view);
                return;
            default:
                w.WriteStringValue(value.ToString());
                return;
        }
    }

    public static void WriteDateTime(Utf8JsonWriter w, long unix, TimeSpan offset)
    {
        Span<char> buffer = stackalloc char[32];
        var dto = DateTimeOffset.FromUnixTimeSeconds(unix).ToOffset(offset);
        dto.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        w.WriteStringValue(buffer[..written]);
    }

    public static string FormatDateTime(long unix, TimeSpan offset) =>
        DateTimeOffset.FromUnixTimeSeconds(unix).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteConsent(Utf8JsonWriter w, ConsentDetails c, RecordView view)
    {
        w.WriteStartObject();
        w.WriteString("id", Id(c.Id));
        w.WriteString("Data_Processing_Basis", c.DataProcessingBasis);
        w.WriteString("Consent_Through", c.ConsentThrough);
        w.WriteBoolean("Contact_Through_Email", c.ContactThroughEmail);
        w.WriteBoolean("Contact_Through_Phone", c.ContactThroughPhone);
        w.WriteBoolean("Contact_Through_Social", false);
        w.WriteBoolean("Contact_Through_Survey", false);
        if (c.ConsentDate is null)
        {
            w.WriteNull("Consent_Date");
        }
        else
        {
            w.WriteString("Consent_Date", c.ConsentDate);
        }

        w.WriteNull("Consent_Remarks");
        w.WriteNull("Consent_EndsOn");
        w.WriteNull("Lawful_Reason");
        w.WriteNull("Mail_Sent_Time");
        w.WritePropertyName("Created_Time");
        WriteDateTime(w, c.CreatedUnix, view.Offset);
        w.WritePropertyName("Modified_Time");
        WriteDateTime(w, c.CreatedUnix, view.Offset);
        w.WriteEndObject();
    }
}

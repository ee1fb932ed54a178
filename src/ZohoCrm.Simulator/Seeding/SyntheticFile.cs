using System.Text;

namespace ZohoCrm.Simulator.Seeding;

/// <summary>Deterministic bytes for a seeded file attachment: a repeated text line naming it, cut to its size.</summary>
internal static class SyntheticFile
{
    public static byte[] Bytes(long attachmentId, string fileName, int size)
    {
        var bytes = new byte[size];
        var line = Encoding.UTF8.GetBytes($"Synthetic attachment {attachmentId} ({fileName}) from the Zoho CRM simulator.\n");
        for (var i = 0; i < size; i++)
        {
            bytes[i] = line[i % line.Length];
        }

        return bytes;
    }

    /// <summary>A <c>$file_id</c>-like token derived from the attachment id.</summary>
    public static string FileId(long attachmentId)
    {
        var h = (ulong)attachmentId * 0x9E3779B97F4A7C15UL;
        var g = h ^ (h >> 29) ^ 0xBF58476D1CE4E5B9UL;
        return string.Concat(h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), g.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The <c>Content-Type</c> of a download, from the file name's extension.</summary>
    public static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".txt" or ".csv" => "text/plain",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
}

namespace ZohoCrm.Simulator.Model;

/// <summary>
/// <c>$type</c> values of attachments. The reference (section 13) says "file|link"; these follow a Zoho attachment list
/// sample (<c>File</c>, <c>Link URL</c>, with <c>$link_url</c> and a null <c>$file_id</c> on links).
/// </summary>
internal static class AttachmentTypes
{
    public const string File = "File";
    public const string Link = "Link URL";
}

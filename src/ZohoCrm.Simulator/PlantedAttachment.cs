namespace ZohoCrm.Simulator;

/// <summary>
/// An attachment whose <c>Parent_Id</c> is one of a subject's records or notes: a file (downloadable) or a link
/// (<c>$link_url</c>; downloading it answers <c>DOWNLOAD_NOT_ALLOWED</c>).
/// </summary>
public sealed record PlantedAttachment(string Id, string ParentModule, string ParentId, bool IsLink);

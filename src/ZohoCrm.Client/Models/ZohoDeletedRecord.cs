namespace ZohoCrm.Client;

/// <summary>An entry of <c>/{module}/deleted</c>: a record in the recycle bin (<c>recycle</c>) or gone (<c>permanent</c>).</summary>
public sealed record ZohoDeletedRecord(string Id, string Type, DateTimeOffset? DeletedTime);

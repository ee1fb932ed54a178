namespace ZohoCrm.Client;

/// <summary>The <c>type</c> filter of <c>/{module}/deleted</c>.</summary>
public enum ZohoDeletedRecordType
{
    /// <summary><c>all</c>.</summary>
    All,

    /// <summary><c>recycle</c>: still in the recycle bin.</summary>
    Recycle,

    /// <summary><c>permanent</c>: permanently deleted.</summary>
    Permanent,
}

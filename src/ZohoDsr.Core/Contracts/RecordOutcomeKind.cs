using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Contracts;

/// <summary>What happened to one record of the subject.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordOutcomeKind>))]
public enum RecordOutcomeKind
{
    /// <summary>Found (access; or delete in a dry run / before deletion).</summary>
    Found,

    Deleted,

    /// <summary>Gone before we deleted it (Zoho's <c>INVALID_DATA</c> "record not deleted" for a vanished record).</summary>
    NotFound,

    /// <summary>Zoho refused (with its code, e.g. <c>RECORD_LOCKED</c>) or verification found it still present.</summary>
    Failed,

    /// <summary>The module is not on the deletable list.</summary>
    SkippedNotDeletable,

    /// <summary>The request did not select the module for deletion.</summary>
    SkippedNotSelected,
}

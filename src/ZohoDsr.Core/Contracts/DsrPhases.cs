namespace ZohoDsr.Core.Contracts;

/// <summary>The phases a request goes through, as <see cref="DsrProgress.Phase"/> reports them.</summary>
public static class DsrPhases
{
    /// <summary>Resolving the org: its privacy setting, API version, budgets and modules.</summary>
    public const string Resolve = "resolve";

    /// <summary>Finding the subject in the parent modules.</summary>
    public const string Find = "find";

    /// <summary>Finding the related records of the matched contacts.</summary>
    public const string Related = "related";

    /// <summary>Access: writing the export.</summary>
    public const string Export = "export";

    /// <summary>Delete: waiting for the approval decision.</summary>
    public const string Approval = "approval";

    /// <summary>Delete: deleting in batches, children before parents.</summary>
    public const string Delete = "delete";

    /// <summary>Delete: verifying that the deleted records are gone.</summary>
    public const string Verify = "verify";

    /// <summary>Delete: purging the deleted records from the recycle bin.</summary>
    public const string Purge = "purge";

    /// <summary>Finished (the status says how).</summary>
    public const string Done = "done";
}

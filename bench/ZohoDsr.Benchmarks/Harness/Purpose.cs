namespace ZohoDsr.Benchmarks.Harness;

/// <summary>What a request's calls were for, the rows of the "above the lower bound" table.</summary>
public enum Purpose
{
    /// <summary>Finding the subject in the parent modules (COQL, Search).</summary>
    Find,

    /// <summary>Finding the matched contacts' records in the related modules (related lists, COQL lookups).</summary>
    Related,

    /// <summary>Org, fields and related-list metadata.</summary>
    Metadata,

    /// <summary>Reading the found records for the export.</summary>
    Export,

    /// <summary>Delete calls.</summary>
    Delete,

    /// <summary>Checking after the deletes: COQL presence checks, recycle bin reads.</summary>
    Verify,
}

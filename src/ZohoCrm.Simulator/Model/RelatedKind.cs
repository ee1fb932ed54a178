namespace ZohoCrm.Simulator.Model;

internal enum RelatedKind
{
    /// <summary>Records of the target module whose lookup points at the parent.</summary>
    Lookup,

    /// <summary>Open calls, tasks and events of the parent.</summary>
    OpenActivities,

    /// <summary>Closed calls, tasks and events of the parent.</summary>
    ClosedActivities,

    /// <summary>A list the simulator keeps no records for (Attachments, Products, ...).</summary>
    Empty,

    /// <summary>Listed in the metadata with a null href; not readable through the API.</summary>
    NotReadable,
}

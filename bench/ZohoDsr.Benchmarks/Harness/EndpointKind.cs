namespace ZohoDsr.Benchmarks.Harness;

/// <summary>What a Zoho call is for, grouped from the simulator's endpoint templates (<see cref="EndpointKinds"/>).</summary>
public enum EndpointKind
{
    /// <summary><c>/org</c>, <c>/settings/modules</c>, <c>/settings/fields</c>, <c>/settings/related_lists</c>.</summary>
    Metadata,

    /// <summary><c>POST /coql</c>.</summary>
    Coql,

    /// <summary><c>GET /{module}/search</c>.</summary>
    Search,

    /// <summary><c>GET /{module}/{id}/{related_list}</c>.</summary>
    RelatedList,

    /// <summary><c>GET /{module}/{id}</c>: one record.</summary>
    RecordGet,

    /// <summary><c>GET /{module}</c>: Get Records, a page of up to 200 (or the records named by <c>ids=</c>).</summary>
    List,

    /// <summary><c>DELETE /{module}</c>, <c>DELETE /{module}/{id}</c> and related-record deletes.</summary>
    Delete,

    /// <summary><c>GET /{module}/deleted</c> and <c>/settings/recycle_bin</c> (list and purge).</summary>
    RecycleBin,

    /// <summary>Anything else (attachment downloads).</summary>
    Other,
}

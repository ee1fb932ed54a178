namespace ZohoDsr.Core.Http;

/// <summary>The HTTP contract's routes (under the <c>api</c> prefix) and headers, served alike by both hosts.</summary>
public static class DsrRoutes
{
    /// <summary><c>POST api/dsr</c>: the intake webhook; <c>GET api/dsr?orgId=</c>: the operators' list.</summary>
    public const string Submit = "dsr";

    /// <summary><c>GET api/dsr/{requestId}?orgId=</c>: status; <c>DELETE</c>: cancel.</summary>
    public const string Request = "dsr/{requestId}";

    /// <summary><c>POST api/dsr/{requestId}/approve?orgId=</c>.</summary>
    public const string Approve = "dsr/{requestId}/approve";

    /// <summary><c>POST api/dsr/{requestId}/reject?orgId=</c>.</summary>
    public const string Reject = "dsr/{requestId}/reject";

    /// <summary><c>POST api/dsr/{requestId}/extend?orgId=</c>: record the one extension of the due date.</summary>
    public const string Extend = "dsr/{requestId}/extend";

    /// <summary><c>GET api/openapi.json</c>: the OpenAPI 3.1 document of this contract (anonymous).</summary>
    public const string OpenApi = "openapi.json";

    /// <summary>Unix seconds when the sender signed the body.</summary>
    public const string TimestampHeader = "X-ZohoDsr-Timestamp";

    /// <summary><c>sha256={hex of HMAC-SHA256(secret, timestamp + "." + raw body)}</c>.</summary>
    public const string SignatureHeader = "X-ZohoDsr-Signature";

    /// <summary>Azure's function key header, also the local host's operator key (<c>ZohoDsr:Http:OperatorKey</c>).</summary>
    public const string KeyHeader = "x-functions-key";
}

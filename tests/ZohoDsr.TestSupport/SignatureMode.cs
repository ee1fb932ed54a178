namespace ZohoDsr.TestSupport;

/// <summary>How a corpus request is signed.</summary>
public enum SignatureMode
{
    /// <summary>Signed now with the host's secret.</summary>
    Valid,

    /// <summary>No signature headers.</summary>
    None,

    WrongSecret,

    /// <summary>Signed an hour ago.</summary>
    Stale,

    /// <summary>Signed ten minutes ahead of the server's clock.</summary>
    Future,

    /// <summary><c>X-ZohoDsr-Signature: sha256=zz</c>.</summary>
    Malformed,

    /// <summary><c>X-ZohoDsr-Timestamp: yesterday</c>.</summary>
    TimestampText,

    /// <summary>A signature without its timestamp.</summary>
    SignatureOnly,

    /// <summary>The signature of another body.</summary>
    OtherBody,

    /// <summary>Sent twice with the same headers; the second answer is the one checked.</summary>
    Replayed,
}

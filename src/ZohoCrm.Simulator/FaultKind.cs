namespace ZohoCrm.Simulator;

/// <summary>What an injected fault does to an API call.</summary>
public enum FaultKind
{
    /// <summary>No fault: the call is answered normally.</summary>
    None,

    /// <summary>429 <c>TOO_MANY_REQUESTS</c>; the call is not applied.</summary>
    TooManyRequests,

    /// <summary>500 <c>INTERNAL_ERROR</c>; the call is not applied.</summary>
    InternalError,

    /// <summary>503 with an HTML body (no Zoho envelope); the call is not applied.</summary>
    ServiceUnavailable,

    /// <summary>The call hangs until the client gives up; it is not applied.</summary>
    Timeout,

    /// <summary>The connection is dropped without an answer; the call is not applied.</summary>
    DropConnection,

    /// <summary>The call is applied (a delete deletes), then the connection is dropped: the answer is lost.</summary>
    LostAnswerDropConnection,

    /// <summary>The call is applied, then a gateway answers 504 with an HTML body instead of Zoho's answer.</summary>
    LostAnswerGatewayTimeout,

    /// <summary>The call is applied, then hangs until the client gives up.</summary>
    LostAnswerTimeout,

    /// <summary>
    /// Every refresh token of the org is revoked (their access tokens with them) and the call answers 401
    /// <c>INVALID_TOKEN</c>; refreshing then answers <c>invalid_code</c> until a token is re-issued.
    /// </summary>
    RevokeRefreshTokens,
}

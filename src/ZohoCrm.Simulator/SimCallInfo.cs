namespace ZohoCrm.Simulator;

/// <summary>The API call that deleted or purged a record, as the simulator's ground truth reports it.</summary>
public sealed record SimCallInfo
{
    /// <summary>The org's call number (1, 2, ...), in arrival order.</summary>
    public required long CallId { get; init; }

    public required string Method { get; init; }

    /// <summary>The path after <c>/crm/{version}</c>, without the query (<c>/Contacts</c>, <c>/Contacts/123/Notes/456</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The endpoint template (<c>DELETE /crm/{v}/{module}</c>).</summary>
    public required string Endpoint { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>The fault that lost the call's answer after the simulator applied it; null when the answer was sent.</summary>
    public FaultKind? AnswerLostBy { get; init; }
}

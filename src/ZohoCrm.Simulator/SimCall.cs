namespace ZohoCrm.Simulator;

/// <summary>One API call an org received: what the ground truth names as the call that deleted or purged a record.</summary>
internal sealed class SimCall(long callId, string method, string path, string endpoint, long unix)
{
    private int _lostAnswer;

    public long CallId { get; } = callId;

    public string Method { get; } = method;

    /// <summary>The path after <c>/crm/{version}</c>, without the query.</summary>
    public string Path { get; } = path;

    /// <summary>The endpoint template the counters use (<c>DELETE /crm/{v}/{module}</c>).</summary>
    public string Endpoint { get; } = endpoint;

    public long Unix { get; } = unix;

    /// <summary>The fault that lost the answer after the call was applied (<see cref="FaultKind.None"/>: answered).</summary>
    public FaultKind LostAnswer
    {
        get => (FaultKind)Volatile.Read(ref _lostAnswer);
        set => Volatile.Write(ref _lostAnswer, (int)value);
    }

    public SimCallInfo ToInfo(TimeSpan offset) => new()
    {
        CallId = CallId,
        Method = Method,
        Path = Path,
        Endpoint = Endpoint,
        Time = DateTimeOffset.FromUnixTimeSeconds(Unix).ToOffset(offset),
        AnswerLostBy = LostAnswer == FaultKind.None ? null : LostAnswer,
    };
}

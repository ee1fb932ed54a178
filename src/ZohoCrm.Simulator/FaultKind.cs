namespace ZohoCrm.Simulator;

internal enum FaultKind
{
    None,
    TooManyRequests,
    InternalError,
    ServiceUnavailable,
    Timeout,
    DropConnection,
}

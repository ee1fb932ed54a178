namespace ZohoDsr.Core.Orchestration;

/// <summary>The outcome of waiting for an external event: its payload, or a timeout.</summary>
public readonly record struct ExternalEventResult<T>(bool Received, T? Payload)
{
    public static ExternalEventResult<T> TimedOut => new(false, default);
}

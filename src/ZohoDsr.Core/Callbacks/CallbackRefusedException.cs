namespace ZohoDsr.Core.Callbacks;

/// <summary>A callback was not sent because its destination is refused by <see cref="CallbackAddressPolicy"/>.</summary>
public sealed class CallbackRefusedException : Exception
{
    public CallbackRefusedException()
    {
    }

    public CallbackRefusedException(string message)
        : base(message)
    {
    }

    public CallbackRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

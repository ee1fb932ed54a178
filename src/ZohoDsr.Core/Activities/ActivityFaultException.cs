namespace ZohoDsr.Core.Activities;

/// <summary>
/// An activity's failure with its <see cref="ActivityFault"/>, thrown so that Durable retries it. The message starts with
/// the code and a colon (<c>HTTP_503: ...</c>): the engine keeps only an exception's type and message, and
/// <see cref="ActivityFault.FromFailure"/> reads the code back from them. The rest is the cause's message, which the client
/// keeps free of URIs, bodies, tokens and emails.
/// </summary>
public sealed class ActivityFaultException : Exception
{
    public ActivityFaultException(ActivityFault fault, Exception innerException)
        : base($"{fault?.Code}: {innerException?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Fault = fault;
    }

    public ActivityFault Fault { get; }

    /// <summary>The code at the start of such a message, or null when it does not start with one.</summary>
    internal static string? CodeOf(string? message)
    {
        int colon = message?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
        {
            return null;
        }

        string code = message![..colon];
        return code.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? code : null;
    }
}

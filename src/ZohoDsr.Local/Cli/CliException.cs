namespace ZohoDsr.Local.Cli;

/// <summary>A failure to report as one line on stderr with its exit code (<see cref="ExitCodes"/>).</summary>
public sealed class CliException(int exitCode, string message, Exception? innerException = null) : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;
}

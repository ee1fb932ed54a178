namespace ZohoDsr.Local.Hosting;

/// <summary>The host cannot start as configured; the message names the setting to fix.</summary>
public sealed class LocalHostException(string message, Exception? innerException = null) : Exception(message, innerException);

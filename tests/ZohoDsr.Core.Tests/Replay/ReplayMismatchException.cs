namespace ZohoDsr.Core.Tests.Replay;

/// <summary>The replayed orchestration did something other than the recorded run: it is not deterministic.</summary>
internal sealed class ReplayMismatchException(string message) : Exception(message);

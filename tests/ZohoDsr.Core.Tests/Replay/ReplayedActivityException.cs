namespace ZohoDsr.Core.Tests.Replay;

/// <summary>A recorded activity failure, thrown again on replay.</summary>
internal sealed class ReplayedActivityException(string message) : Exception(message);

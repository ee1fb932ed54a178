namespace ZohoDsr.Local.Storage;

/// <summary>An Azurite process and the loopback ports of its blob, queue and table services.</summary>
public sealed record AzuriteEndpoints(int ProcessId, int BlobPort, int QueuePort, int TablePort);

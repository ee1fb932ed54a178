namespace ZohoDsr.Core.Http;

/// <summary>A page of instances and the engine's token for the next page (null: the last page).</summary>
public sealed record DsrInstancePage(IReadOnlyList<DsrInstanceState> Instances, string? ContinuationToken);

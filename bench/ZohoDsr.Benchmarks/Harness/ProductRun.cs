using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>One request through the product: when it was submitted, its final status, and when the engine finished it.</summary>
public sealed record ProductRun(string RequestId, string OrgId, DateTimeOffset SubmittedAt, DsrStatusView Final)
{
    /// <summary>When the engine last wrote the instance (its completion), as the status reports it.</summary>
    public DateTimeOffset CompletedAt => Final.LastUpdatedAt;

    /// <summary>From the webhook's submission to the instance's completion.</summary>
    public TimeSpan Wall => CompletedAt - SubmittedAt;

    public DsrResult Result => Final.Result ?? throw new InvalidOperationException($"Request {RequestId} ended {Final.Status} without a result: {Final.Error}");

    public bool Completed => Final.Status == DsrStatus.Completed;
}

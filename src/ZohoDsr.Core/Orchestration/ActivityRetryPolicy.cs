namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Durable retry of a failed activity (an exception, not a throttle: throttles come back as results and wait on timers).
/// Mirrors Microsoft.DurableTask.RetryPolicy so hosts map it one to one.
/// </summary>
public sealed record ActivityRetryPolicy(int MaxNumberOfAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 2.0, TimeSpan? MaxRetryInterval = null)
{
    /// <summary>The default for Zoho-calling activities: 4 attempts, 5 s doubling, at most 1 minute apart.</summary>
    public static ActivityRetryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(1));
}

using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// The settings the orchestration works with. An orchestration cannot read configuration (it must replay identically), so
/// these travel in its history: the ResolveOrg activity copies them from <see cref="DsrOptions"/> into
/// <see cref="Activities.OrgProfile.Settings"/>, and a host may fix them at submission in
/// <see cref="DsrOrchestrationInput.Settings"/> (which wins).
/// </summary>
public sealed record OrchestrationSettings
{
    /// <summary>The defaults, equal to <see cref="DsrOptions"/>'s.</summary>
    public static OrchestrationSettings Default { get; } = new();

    /// <summary>How long a <c>requireApproval</c> request waits for approve / reject before it fails.</summary>
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromHours(72);

    /// <summary>First throttle backoff ceiling; doubles per attempt (full jitter below it).</summary>
    public TimeSpan ThrottleBaseDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest throttle wait.</summary>
    public TimeSpan ThrottleMaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts of one call while throttled before the request fails.</summary>
    public int ThrottleMaxAttempts { get; init; } = 12;

    /// <summary>Lease of rate-gate permits.</summary>
    public TimeSpan GateLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Durable retry of Zoho-calling activities that fail with an exception.</summary>
    public ActivityRetryPolicy ActivityRetry { get; init; } = ActivityRetryPolicy.Default;

    /// <summary>Durable retry of the callback delivery (<see cref="WebhookOptions.CallbackMaxAttempts"/> attempts).</summary>
    public ActivityRetryPolicy CallbackRetry { get; init; } = new(5, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(1));

    /// <summary>The settings of these options.</summary>
    public static OrchestrationSettings FromOptions(DsrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OrchestrationSettings
        {
            ApprovalTimeout = options.ApprovalTimeout,
            ThrottleBaseDelay = options.ThrottleBaseDelay,
            ThrottleMaxDelay = options.ThrottleMaxDelay,
            ThrottleMaxAttempts = options.ThrottleMaxAttempts,
            GateLease = options.GateLease,
            CallbackRetry = Default.CallbackRetry with { MaxNumberOfAttempts = Math.Max(1, options.Webhook.CallbackMaxAttempts) },
        };
    }
}

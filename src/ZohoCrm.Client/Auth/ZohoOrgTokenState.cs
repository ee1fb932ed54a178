namespace ZohoCrm.Client;

/// <summary>What <see cref="ZohoTokenProvider"/> keeps per org in this process.</summary>
internal sealed class ZohoOrgTokenState
{
    /// <summary>Guards <see cref="Refreshing"/> and <see cref="Terminal"/>.</summary>
    public Lock Lock { get; } = new();

    /// <summary>The last token this process obtained or read, as a completed task (no allocation per call).</summary>
    public Task<ZohoAccessToken>? Current;

    /// <summary>The refresh in flight, shared by every caller of the org; it runs on no caller's cancellation token.</summary>
    public Task<ZohoAccessToken>? Refreshing { get; set; }

    /// <summary>A refresh Zoho refused for good, with the credentials it was refused for.</summary>
    public ZohoTerminalTokenFailure? Terminal { get; set; }

    /// <summary>When this process sent each token request of the current window.</summary>
    public Queue<DateTimeOffset> Requests { get; } = new();
}

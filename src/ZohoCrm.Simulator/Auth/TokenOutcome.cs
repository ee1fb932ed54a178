namespace ZohoCrm.Simulator.Auth;

/// <summary>Result of a token grant: the token response fields, or the Zoho <c>error</c> value.</summary>
internal sealed record TokenOutcome(string? AccessToken, string? RefreshToken, string? Error, bool Throttled = false)
{
    public static TokenOutcome Fail(string error) => new(null, null, error);
}

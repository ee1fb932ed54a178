namespace ZohoDsr.Local.Cli;

/// <summary>The CLI's documented exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>--wait</c> and <c>demo</c>: the request completed and (demo) its result checked out.</summary>
    public const int Ok = 0;

    /// <summary>The request failed, was canceled or rejected, or the demo's check against the simulator failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage, or the host refused the request (validation 400, signature 401, unknown 404, conflict 409).</summary>
    public const int Usage = 2;

    /// <summary>The host (or Zoho's accounts server) cannot be reached or answered with a server error.</summary>
    public const int Unreachable = 3;
}

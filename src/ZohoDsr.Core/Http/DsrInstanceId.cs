namespace ZohoDsr.Core.Http;

/// <summary>
/// The orchestration instance id of a request: derived from org id and request id (hashed, so any characters are safe and
/// the two parts cannot be confused), so a repeated webhook finds the existing instance instead of starting a second run.
/// </summary>
public static class DsrInstanceId
{
    public static string For(string orgId, string requestId) => throw new NotImplementedException();
}

namespace ZohoDsr.Core.Engine;

/// <summary>
/// An activity failed on every attempt its retry policy allowed (the in-process engine's counterpart of Durable's
/// TaskFailedException). The message names the activity only: the inner exception may carry details, never traced here.
/// </summary>
public sealed class ActivityFailedException : Exception
{
    public ActivityFailedException(string activityName, int attempts, Exception innerException)
        : base($"Activity '{activityName}' failed after {attempts} attempt(s) ({innerException?.GetType().Name}).", innerException)
    {
        ActivityName = activityName;
        Attempts = attempts;
    }

    public string ActivityName { get; }

    public int Attempts { get; }
}

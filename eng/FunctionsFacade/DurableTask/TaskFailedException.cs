namespace Microsoft.DurableTask;

public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, Exception innerException)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {innerException?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}

namespace Microsoft.DurableTask;

public record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace,
    TaskFailureDetails? InnerFailure,
    IDictionary<string, object?>? Properties)
{
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    public bool IsCausedBy<T>()
        where T : Exception => IsCausedBy(typeof(T));

    public bool IsCausedBy(Type targetBaseExceptionType)
    {
        ArgumentNullException.ThrowIfNull(targetBaseExceptionType);
        for (Type? type = FindType(ErrorType); type is not null; type = type.BaseType)
        {
            if (type == targetBaseExceptionType)
            {
                return true;
            }
        }

        return false;
    }

    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName!,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException),
            null);
    }

    private static Type? FindType(string name)
        => Type.GetType(name, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);
}

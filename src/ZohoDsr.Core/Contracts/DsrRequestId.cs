using System.Diagnostics.CodeAnalysis;

namespace ZohoDsr.Core.Contracts;

/// <summary>
/// The one rule for a request id, checked wherever the id is used: intake validation, the status and approval routes, the
/// instance id, and the export and audit paths (where it is a folder name and a blob-name segment). 1 to
/// <see cref="MaxLength"/> letters, digits, <c>.</c>, <c>_</c>, <c>:</c> and <c>-</c>, neither starting nor ending with
/// <c>.</c>: so never <c>.</c> or <c>..</c> (which name a folder, not a request) and never a name that a file system shortens.
/// </summary>
public static class DsrRequestId
{
    /// <summary>Longest request id.</summary>
    public const int MaxLength = 100;

    /// <summary>The rule in words, as problem details give it.</summary>
    public const string Rule = "requestId must be 1-100 characters of letters, digits, '.', '_', ':' and '-', and must not start or end with '.'.";

    /// <summary>True when <paramref name="requestId"/> follows the rule.</summary>
    public static bool IsValid([NotNullWhen(true)] string? requestId) => Problem(requestId) is null;

    /// <summary>What is wrong with <paramref name="requestId"/> (naming the rule it breaks), or null when it follows the rule.</summary>
    public static string? Problem(string? requestId)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            return "requestId is required.";
        }

        if (requestId.Length > MaxLength)
        {
            return $"requestId must be at most {MaxLength} characters.";
        }

        if (!requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            return "requestId may contain only letters, digits, '.', '_', ':' and '-'.";
        }

        if (requestId[0] == '.' || requestId[^1] == '.')
        {
            return "requestId must not start or end with '.'.";
        }

        return null;
    }

    /// <summary>Returns <paramref name="requestId"/>, or throws <see cref="ArgumentException"/> naming the rule it breaks.</summary>
    public static string ThrowIfInvalid([NotNull] string? requestId, string paramName)
    {
        if (requestId is null || Problem(requestId) is not null)
        {
            throw new ArgumentException(Problem(requestId) + " " + Rule, paramName);
        }

        return requestId;
    }
}

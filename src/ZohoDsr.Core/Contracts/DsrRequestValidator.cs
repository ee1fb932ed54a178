namespace ZohoDsr.Core.Contracts;

/// <summary>Validates a <see cref="DsrRequest"/>, returning every problem at once, each naming its field.</summary>
public static class DsrRequestValidator
{
    /// <summary>
    /// Checks: requestId present, 1-100 chars of <c>[A-Za-z0-9._:-]</c>; type access|delete; subject.email a single valid
    /// address (≤ 254 chars); orgId present and configured (<paramref name="isKnownOrg"/>); modules known names without
    /// duplicates; dryRun/requireApproval/purgeRecycleBin only with delete; callbackUrl absolute https (http only to loopback).
    /// </summary>
    public static IReadOnlyList<DsrValidationError> Validate(DsrRequest? request, Func<string, bool> isKnownOrg, Func<string, bool> isKnownModule)
        => throw new NotImplementedException();
}

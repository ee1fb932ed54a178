namespace ZohoDsr.Core.Configuration;

/// <summary>How the primary COQL lookup compares a module's email fields with the subject's email (<see cref="DsrOptions.CoqlEmailMatch"/>).</summary>
public enum CoqlEmailMatch
{
    /// <summary>
    /// <c>Email like '%x%'</c>: also returns stored values with surrounding spaces (and, where Zoho's <c>like</c> ignores
    /// case, other case), which Search cannot see while a record is younger than its index delay. Exact matching in code
    /// then drops the look-alikes.
    /// </summary>
    Like,

    /// <summary><c>Email = 'x'</c>: a padded value written within Search's index delay is missed.</summary>
    Equals,
}

namespace ZohoDsr.Core.Activities;

/// <summary>
/// A module (or part of one) that could not be fully searched, so the subject's data may still be there: reported as
/// <c>unsearched</c> and the request fails rather than completing. No personal data: module, reason and Zoho's code only.
/// </summary>
/// <param name="Reason">Short, fixed text (e.g. <c>module not accessible</c>).</param>
/// <param name="ZohoCode">Zoho's code when it gave one (e.g. <c>NO_PERMISSION</c>).</param>
public sealed record ModuleGap(string Module, string Reason, string? ZohoCode = null);

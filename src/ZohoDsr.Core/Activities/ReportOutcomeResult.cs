namespace ZohoDsr.Core.Activities;

/// <summary>What <see cref="ReportOutcomeHandler"/> recorded: the request's end and this many records.</summary>
public sealed record ReportOutcomeResult(int Records);

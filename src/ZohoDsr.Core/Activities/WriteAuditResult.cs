namespace ZohoDsr.Core.Activities;

public sealed record WriteAuditResult(string Location, int Appended);

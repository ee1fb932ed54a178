namespace ZohoDsr.Core.Activities;

/// <summary>A parent module as the org has it: its email fields (<c>data_type == "email"</c>) and which are restricted.</summary>
public sealed record ModuleProfile(string Module, IReadOnlyList<string> EmailFields, IReadOnlyList<string> RestrictedEmailFields);

using ZohoDsr.Benchmarks.Harness;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Benchmarks.Scenarios.Soak;

/// <summary>One soak request: its org, its subject's planted records, and whether the subject's case was locked.</summary>
public sealed record SoakRequest(SoakOrg Org, PlantedSubjectRecords Subject, DsrRequest Request, bool CaseLocked);

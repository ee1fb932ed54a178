namespace ZohoDsr.Infra.Tests;

/// <summary>One entry of the zohoOrgs parameter used by the sample deployment.</summary>
public sealed record SampleOrg(string OrgId, string DataCenter, string ClientId, string Edition, string ApiVersion, int? UserLicenses);

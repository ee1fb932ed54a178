namespace ZohoCrm.Client;

/// <summary>The org from <c>/org</c>: its id, GDPR <c>privacy_settings</c> and edition.</summary>
/// <param name="Id">The org id.</param>
/// <param name="CompanyName">The company name, when set.</param>
/// <param name="PrivacySettings"><c>privacy_settings</c>: true when GDPR compliance is enabled.</param>
/// <param name="PaidType"><c>license_details.paid_type</c> (the edition as Zoho names it), when given.</param>
/// <param name="UsersLicensePurchased"><c>license_details.users_license_purchased</c>, when given.</param>
public sealed record ZohoOrg(string Id, string? CompanyName, bool PrivacySettings, string? PaidType, int? UsersLicensePurchased);

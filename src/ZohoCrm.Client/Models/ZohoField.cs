namespace ZohoCrm.Client;

/// <summary>A field from <c>/settings/fields</c>.</summary>
/// <param name="ApiName">The field's API name (e.g. <c>Email</c>).</param>
/// <param name="DataType">Zoho's <c>data_type</c> (<c>email</c>, <c>text</c>, <c>lookup</c>, ...).</param>
/// <param name="Private">The <c>private</c> object, or null when the field is not private.</param>
/// <param name="LookupModule">For lookups, the module it points to (e.g. <c>Contacts</c>), when given.</param>
public sealed record ZohoField(string ApiName, string DataType, ZohoFieldPrivacy? Private, string? LookupModule = null)
{
    /// <summary>True for <c>data_type == "email"</c>.</summary>
    public bool IsEmail => string.Equals(DataType, "email", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the field is private and restricted: hidden in record APIs and unusable in criteria.</summary>
    public bool IsRestricted => Private?.Restricted == true;
}

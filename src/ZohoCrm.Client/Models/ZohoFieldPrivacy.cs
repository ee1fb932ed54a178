namespace ZohoCrm.Client;

/// <summary>A field's <c>private</c> object: <c>{"restricted": bool, "type": "High"|"Low", "export": bool}</c>.</summary>
public sealed record ZohoFieldPrivacy(bool Restricted, string? Type, bool Export);

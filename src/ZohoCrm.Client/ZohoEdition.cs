namespace ZohoCrm.Client;

/// <summary>Zoho CRM editions; each sets the org's API credit and concurrency limits.</summary>
public enum ZohoEdition
{
    /// <summary>Free edition.</summary>
    Free,

    /// <summary>Standard (Starter) edition.</summary>
    Standard,

    /// <summary>Professional edition.</summary>
    Professional,

    /// <summary>Enterprise (and Zoho One) edition.</summary>
    Enterprise,

    /// <summary>Ultimate (and CRM Plus) edition.</summary>
    Ultimate,
}

namespace ZohoCrm.Simulator;

/// <summary>Zoho CRM editions, which set the API credit budget and the concurrency limit.</summary>
public enum ZohoEdition
{
    Free,
    Standard,
    Professional,
    Enterprise,
    Ultimate,
}

namespace ZohoCrm.Client;

/// <summary>Placeholder.</summary>
public static class Placeholder
{
}

namespace ZohoDsr.TestSupport;

/// <summary>Where the build installed Azurite (eng/azurite), stamped into the assembly at build time.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class AzuriteLocationAttribute(string directory) : Attribute
{
    public string Directory { get; } = directory;
}

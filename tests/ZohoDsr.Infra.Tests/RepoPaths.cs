using System.Reflection;

namespace ZohoDsr.Infra.Tests;

/// <summary>Paths the build wrote into the test assembly (see ZohoDsr.Infra.Tests.csproj).</summary>
public static class RepoPaths
{
    public static string BicepExecutable => Get("BicepPath");

    public static string InfraDirectory => Get("InfraDirectory");

    public static string RepoRoot => Get("RepoRoot");

    private static string Get(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata (see ZohoDsr.Infra.Tests.csproj).");
}

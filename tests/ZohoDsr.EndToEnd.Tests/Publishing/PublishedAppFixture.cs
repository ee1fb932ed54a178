using System.Diagnostics;
using System.Reflection;

namespace ZohoDsr.EndToEnd.Tests.Publishing;

/// <summary>
/// <c>dotnet publish src/ZohoDsr.Functions -c Release</c> into a temporary folder, once per test class: what Azure
/// receives.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Output { get; } = Path.Combine(Path.GetTempPath(), "zohodsr-publish-" + Guid.NewGuid().ToString("N"));

    public static string RepoRoot => typeof(PublishedAppFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public async Task InitializeAsync()
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (string arg in new[] { "publish", Path.Combine(RepoRoot, "src", "ZohoDsr.Functions", "ZohoDsr.Functions.csproj"), "-c", "Release", "-o", Output, "-nologo" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(startInfo)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }

        return Task.CompletedTask;
    }
}

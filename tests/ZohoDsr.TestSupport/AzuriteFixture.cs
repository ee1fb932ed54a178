using Xunit;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;

namespace ZohoDsr.TestSupport;

/// <summary>
/// Starts Azurite's blob service (installed from npm by the build) on a free loopback port with in-memory
/// persistence, and stops it when disposed. Use as an xunit class or collection fixture.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // Azurite's well-known development account (public, documented emulator credentials).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public int BlobPort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};";

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    public async Task InitializeAsync()
    {
        string directory = typeof(AzuriteFixture).Assembly.GetCustomAttribute<AzuriteLocationAttribute>()!.Directory;
        string script = Path.Combine(directory, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at '{directory}'. Build the test project (it runs 'npm ci' there).");
        }

        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { script, "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start Azurite.");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Azurite exited before it listened."));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        BlobPort = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"successfully listens on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}

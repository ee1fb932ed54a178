using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ZohoDsr.Local.Storage;

/// <summary>
/// Azurite, the Azure Storage emulator (blobs, queues, tables), run from <c>eng/azurite</c> on free loopback ports:
/// in memory (tests), or with its data in a folder that outlives the process. A folder is served by one Azurite at a
/// time: a host that finds one already serving it (another host, or the one a crashed host left behind) uses it, and the
/// last host to leave stops it.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented emulator credentials).</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process? _process;
    private readonly Task? _closed;
    private readonly AzuriteFolder? _folder;
    private int _disposed;

    private AzuriteProcess(AzuriteEndpoints endpoints, Process? process, Task? closed, AzuriteFolder? folder, bool started)
    {
        Endpoints = endpoints;
        _process = process;
        _closed = closed;
        _folder = folder;
        Started = started;
    }

    /// <summary>The ports and the process serving them.</summary>
    public AzuriteEndpoints Endpoints { get; }

    /// <summary>True when this call started Azurite; false when it joined one already serving the folder.</summary>
    public bool Started { get; }

    /// <summary>The folder Azurite keeps its data in (null: in memory).</summary>
    public string? DataPath => _folder?.DataPath;

    /// <summary>A connection string naming the blob, queue and table endpoints of the development account.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{Endpoints.BlobPort}/{AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{Endpoints.QueuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{Endpoints.TablePort}/{AccountName};";

    /// <summary>Where <c>eng/azurite</c> is (the build installs Azurite there).</summary>
    public static string InstallDirectory => typeof(AzuriteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "AzuriteDirectory").Value!;

    /// <summary>Starts an Azurite that keeps everything in memory; it goes away with its process.</summary>
    public static async Task<AzuriteProcess> StartInMemoryAsync(CancellationToken cancellationToken)
    {
        (Process process, AzuriteEndpoints endpoints, Task closed) = await LaunchAsync(location: null, cancellationToken).ConfigureAwait(false);
        return new AzuriteProcess(endpoints, process, closed, folder: null, started: true);
    }

    /// <summary>
    /// Joins the Azurite serving <paramref name="stateFolder"/>, or starts one with its data in
    /// <c>{stateFolder}/azurite</c>. The folder is made owner-only (it holds every request's input, the subject's email
    /// among it).
    /// </summary>
    public static async Task<AzuriteProcess> StartOrJoinAsync(string stateFolder, CancellationToken cancellationToken)
    {
        var folder = new AzuriteFolder(stateFolder);
        folder.Create();
        using FileStream gate = await folder.LockAsync(cancellationToken).ConfigureAwait(false);
        AzuriteEndpoints? running = folder.ReadServing();
        if (running is not null && IsServing(running))
        {
            folder.RegisterHost();
            return new AzuriteProcess(running, process: null, closed: null, folder, started: false);
        }

        if (running is not null)
        {
            StopProcess(running.ProcessId); // left by a crash, and no longer answering
        }

        (Process process, AzuriteEndpoints endpoints, Task closed) = await LaunchAsync(folder.DataPath, cancellationToken).ConfigureAwait(false);
        await folder.WriteServingAsync(endpoints, cancellationToken).ConfigureAwait(false);
        folder.RegisterHost();
        return new AzuriteProcess(endpoints, process, closed, folder, started: true);
    }

    /// <summary>
    /// Leaves Azurite: in memory it stops; serving a folder it stops only when no other live host uses it (a host killed
    /// without leaving is not counted: its process is gone).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_folder is null)
        {
            Kill(_process); // in memory: nothing to save
            _process?.Dispose();
            return;
        }

        using FileStream gate = await _folder.LockAsync(CancellationToken.None).ConfigureAwait(false);
        _folder.UnregisterHost();
        if (_folder.OtherLiveHosts() == 0)
        {
            if (_process is not null && _closed is not null)
            {
                await CloseAsync(_process, _closed).ConfigureAwait(false);
            }
            else
            {
                StopProcess(Endpoints.ProcessId);
            }

            _folder.ForgetServing();
        }

        _process?.Dispose();
    }

    private static async Task<(Process Process, AzuriteEndpoints Endpoints, Task Closed)> LaunchAsync(string? location, CancellationToken cancellationToken)
    {
        string script = Path.Combine(InstallDirectory, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at '{InstallDirectory}': build the solution (it runs 'npm ci' there) or run 'npm ci' in eng/azurite.");
        }

        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        foreach (string service in new[] { "blob", "queue", "table" })
        {
            startInfo.ArgumentList.Add($"--{service}Host");
            startInfo.ArgumentList.Add("127.0.0.1");
            startInfo.ArgumentList.Add($"--{service}Port");
            startInfo.ArgumentList.Add("0");
        }

        startInfo.ArgumentList.Add("--skipApiVersionCheck");
        startInfo.ArgumentList.Add("--loose");
        startInfo.ArgumentList.Add("--disableProductStyleUrl");
        startInfo.ArgumentList.Add("--disableTelemetry"); // nothing leaves the machine
        if (location is null)
        {
            startInfo.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            startInfo.ArgumentList.Add("--location");
            startInfo.ArgumentList.Add(location);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start Azurite.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Azurite needs Node.js: 'node' was not found on PATH.", ex);
        }

        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int closedServices = 0;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ClosedLine().IsMatch(e.Data) && Interlocked.Increment(ref closedServices) == 3)
            {
                closed.TrySetResult();
            }
            else if (e.Data is not null && ListeningLine().Match(e.Data) is { Success: true } match)
            {
                lock (ports)
                {
                    ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        listening.TrySetResult();
                    }
                }
            }
        };
        process.Exited += (_, _) =>
        {
            listening.TrySetException(new InvalidOperationException($"Azurite exited (code {process.ExitCode}) before it listened."));
            closed.TrySetResult();
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Kill(process);
            throw;
        }

        return (process, new AzuriteEndpoints(process.Id, ports["Blob"], ports["Queue"], ports["Table"]), closed.Task);
    }

    private static bool IsServing(AzuriteEndpoints endpoints)
    {
        try
        {
            using var process = Process.GetProcessById(endpoints.ProcessId);
            if (process.HasExited)
            {
                return false;
            }

            using var client = new TcpClient();
            client.Connect("127.0.0.1", endpoints.QueuePort);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or SocketException)
        {
            return false;
        }
    }

    private static void StopProcess(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.ProcessName.StartsWith("node", StringComparison.Ordinal))
            {
                StopProcess(process);
            }
        }
        catch (ArgumentException)
        {
            // Gone already.
        }
    }

    /// <summary>
    /// Asks Azurite to stop (SIGTERM: it closes its services and writes its databases to disk, which it otherwise does
    /// only every few seconds), and kills it if it has not stopped within <see cref="StopTimeout"/>.
    /// </summary>
    private static void StopProcess(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (process.HasExited)
            {
                return;
            }

            if (!OperatingSystem.IsWindows() && Terminate(process.Id) && process.WaitForExit(StopTimeout))
            {
                return;
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
    }

    /// <summary>
    /// Stops an Azurite this process started: SIGTERM, then waits until it says its three services closed (their data is
    /// on disk by then). Its process may linger until this process's pooled connections to it close; it no longer listens
    /// and no longer writes. Killed when it does not close within <see cref="StopTimeout"/>.
    /// </summary>
    private static async Task CloseAsync(Process process, Task closed)
    {
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || !Terminate(process.Id))
        {
            Kill(process);
            return;
        }

        if (await Task.WhenAny(closed, Task.Delay(StopTimeout)).ConfigureAwait(false) != closed)
        {
            Kill(process);
        }
    }

    private static void Kill(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
    }

    /// <summary>SIGTERM through <c>kill(1)</c> (.NET itself sends only SIGKILL).</summary>
    private static bool Terminate(int pid)
    {
        try
        {
            using Process? kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            kill?.WaitForExit();
            return kill?.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service successfully closed")]
    private static partial Regex ClosedLine();
}

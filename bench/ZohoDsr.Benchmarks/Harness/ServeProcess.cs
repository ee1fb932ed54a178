using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// The local host as its own process (<c>ZohoDsr.Local serve --port 0</c>), configured through environment variables as an
/// operator would; several on one task hub share the work as Function App instances do.
/// </summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines;

    private ServeProcess(Process process, Uri baseAddress, ConcurrentQueue<string> lines)
    {
        _process = process;
        BaseAddress = baseAddress;
        _lines = lines;
    }

    public Uri BaseAddress { get; }

    /// <summary>The lines Core's activity handlers logged in this process (event ids 3010-3029): the work it did.</summary>
    public int ActivityLines => _lines.Count(l => ActivityLine().IsMatch(l));

    /// <summary>The process's CPU time so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    /// <summary>The process's peak working set so far.</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.PeakWorkingSet64;
        }
    }

    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string localHost = typeof(LocalHost).Assembly.Location;
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(localHost)!,
        };
        foreach (string arg in new[] { "exec", localHost, "serve", "--port", "0" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach ((string key, string value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The local host exited with code {process.ExitCode} before it listened:\n{string.Join('\n', lines.TakeLast(20))}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Uri address = await listening.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            return new ServeProcess(process, address, lines);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lines.Enqueue(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
    }

    [GeneratedRegex(@"ZohoDsr local host listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"ZohoDsr\.Core\.Activities\.\w+Handler\[30[12]\d\]")]
    private static partial Regex ActivityLine();
}

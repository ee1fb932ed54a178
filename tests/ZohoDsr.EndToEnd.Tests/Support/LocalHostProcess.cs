using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ZohoDsr.Local.Hosting;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Support;

/// <summary>
/// The local host as its own process (<c>ZohoDsr.Local serve --port 0</c>), configured through environment variables as an
/// operator would, so that a test can kill it the way a crash does (SIGKILL: no shutdown code runs) and start it again.
/// </summary>
internal sealed partial class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private LocalHostProcess(Process process, Uri baseAddress, ConcurrentQueue<string> lines)
    {
        _process = process;
        BaseAddress = baseAddress;
        _lines = lines;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Everything the process wrote (stdout and stderr), line by line.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        string localHost = typeof(LocalHost).Assembly.Location;
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(localHost)!,
        };
        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(localHost);
        startInfo.ArgumentList.Add("serve");
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add("0");
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
            $"The local host exited with code {process.ExitCode} before it listened:\n{string.Join('\n', lines)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Uri address = await listening.Task.WaitAsync(StartTimeout);
            return new LocalHostProcess(process, address, lines);
        }
        catch
        {
            Kill(process);
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
            TestLogCapture.Add(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would end it: no shutdown code runs.</summary>
    public void Kill() => Kill(_process);

    /// <summary>The lines an activity of the app's durable functions logged in this process (Core's handlers, event ids 3010-3029).</summary>
    public int ActivityLines() => _lines.Count(l => ActivityLine().IsMatch(l));

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Kill(Process process)
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

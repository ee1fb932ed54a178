using System.Diagnostics;

namespace ZohoDsr.Infra.Tests;

/// <summary>The Bicep CLI restored from the Azure.Bicep.CommandLine NuGet package, run as a child process.</summary>
public sealed class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private BicepCli(string executablePath)
    {
        ExecutablePath = executablePath;
    }

    public string ExecutablePath { get; }

    /// <summary>Finds the executable the test project's restore brought and makes sure it can run.</summary>
    public static BicepCli FromPackage()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                "The infra tests run the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package: run them on Linux x64 (as CI does).");
        }

        var path = RepoPaths.BicepExecutable;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is missing at '{path}': restore tests/ZohoDsr.Infra.Tests (package Azure.Bicep.CommandLine.linux-x64).");
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return new BicepCli(path);
    }

    public async Task<BicepRun> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{ExecutablePath}'.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(arguments, process.ExitCode, await standardOutput, await standardError);
    }
}

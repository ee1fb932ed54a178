using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ZohoDsr.Local.Storage;

/// <summary>
/// The folder a local host keeps its durable state in, with the bookkeeping that lets several hosts share one Azurite:
/// which Azurite serves the folder (<c>azurite.json</c>), which host processes use it (<c>hosts/{pid}</c>), and a lock
/// taken while a host starts or leaves. Everything is owner-only: the task hub holds subjects' emails.
/// </summary>
internal sealed class AzuriteFolder
{
    private const string StateFileName = "azurite.json";
    private const string LockFileName = "azurite.lock";
    private const string HostsFolderName = "hosts";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    public AzuriteFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>Azurite's <c>--location</c>.</summary>
    public string DataPath => System.IO.Path.Combine(Path, "azurite");

    private string StateFile => System.IO.Path.Combine(Path, StateFileName);

    private string HostsFolder => System.IO.Path.Combine(Path, HostsFolderName);

    private string HostFile => System.IO.Path.Combine(HostsFolder, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public void Create()
    {
        CreatePrivateDirectory(Path);
        CreatePrivateDirectory(HostsFolder);
        CreatePrivateDirectory(DataPath);
    }

    /// <summary>An exclusive lock, waited for while another host starts or leaves in the same folder.</summary>
    public async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LockTimeout);
        string path = System.IO.Path.Combine(Path, LockFileName);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The Azurite recorded as serving the folder, if any (it may have died since).</summary>
    public AzuriteEndpoints? ReadServing()
    {
        try
        {
            return File.Exists(StateFile) ? JsonSerializer.Deserialize<AzuriteEndpoints>(File.ReadAllText(StateFile)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task WriteServingAsync(AzuriteEndpoints endpoints, CancellationToken cancellationToken)
        => File.WriteAllTextAsync(StateFile, JsonSerializer.Serialize(endpoints), cancellationToken);

    public void ForgetServing() => File.Delete(StateFile);

    public void RegisterHost() => File.WriteAllText(HostFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public void UnregisterHost() => File.Delete(HostFile);

    /// <summary>Hosts other than this one still alive (a host killed without leaving is not counted: its process is gone).</summary>
    public int OtherLiveHosts()
    {
        int live = 0;
        foreach (string file in Directory.EnumerateFiles(HostsFolder))
        {
            if (int.TryParse(System.IO.Path.GetFileName(file), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && IsAlive(pid))
            {
                live++;
            }
            else
            {
                File.Delete(file);
            }
        }

        return live;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

using System.Collections.Concurrent;
using System.Text;

namespace ZohoDsr.Core.Exports;

/// <summary>
/// <see cref="IExportStore"/> in a local folder (the local host): the same layout as the blob store,
/// <c>{root}/{orgId}/{requestId}/export.json</c>, <c>audit.jsonl</c> (opened for append only), <c>parts/</c>.
/// Locations are absolute file paths. Writers within this process are serialised per file. The files hold personal data:
/// on Unix every folder is created owner-only (0700) and every file owner-only (0600) from the moment it exists. The export
/// and its parts are written to a temporary file, flushed to disk and renamed over the target, so a reader (or a crash)
/// sees the earlier file or the new one, never half of one; temporary files a crash left behind are removed by the next
/// write of the same export, and with the parts.
/// </summary>
public sealed class LocalFolderExportStore : IExportStore
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string TempSuffix = ".tmp";

    public LocalFolderExportStore(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.GetFullPath(rootPath);
    }

    /// <summary>The absolute root folder.</summary>
    public string RootPath { get; }

    public async Task WritePartAsync(string orgId, string requestId, string partName, BinaryData content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        string path = PathOf(ExportPaths.Part(orgId, requestId, partName));
        CreateFolders(path);
        await WriteAtomicallyAsync(path, (stream, ct) => stream.WriteAsync(content.ToMemory(), ct).AsTask(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<BinaryData?> ReadPartAsync(string orgId, string requestId, string partName, CancellationToken cancellationToken)
    {
        string path = PathOf(ExportPaths.Part(orgId, requestId, partName));
        return File.Exists(path) ? BinaryData.FromBytes(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    public Task DeletePartsAsync(string orgId, string requestId, CancellationToken cancellationToken)
    {
        string folder = PathOf(ExportPaths.PartsPrefix(orgId, requestId));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    public async Task<string> WriteExportAsync(string orgId, string requestId, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        string path = PathOf(ExportPaths.Export(orgId, requestId));
        CreateFolders(path);
        await WriteAtomicallyAsync(path, write, cancellationToken).ConfigureAwait(false);
        DeleteLeftovers(path);
        return path;
    }

    public Task<Stream?> OpenExportAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => Task.FromResult(OpenRead(PathOf(ExportPaths.Export(orgId, requestId))));

    public string GetExportLocation(string orgId, string requestId) => PathOf(ExportPaths.Export(orgId, requestId));

    public async Task<string> EnsureAuditLogAsync(string orgId, string requestId, string firstLine, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(firstLine);
        string path = PathOf(ExportPaths.Audit(orgId, requestId));
        SemaphoreSlim gate = _locks.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CreateFolders(path);
            try
            {
                var stream = new FileStream(path, Options(FileMode.CreateNew, FileShare.Read));
                await using (stream.ConfigureAwait(false))
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(firstLine + "\n"), cancellationToken).ConfigureAwait(false);
                }

                return firstLine;
            }
            catch (IOException) when (File.Exists(path))
            {
                using var reader = new StreamReader(path, Encoding.UTF8);
                return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The audit log of request '{requestId}' is empty.");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<string> AppendAuditAsync(string orgId, string requestId, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (string line in lines)
        {
            if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException("An audit line must not contain line breaks.", nameof(lines));
            }

            text.Append(line).Append('\n');
        }

        string path = PathOf(ExportPaths.Audit(orgId, requestId));
        SemaphoreSlim gate = _locks.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CreateFolders(path);
            var stream = new FileStream(path, Options(FileMode.Append, FileShare.Read));
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }

        return path;
    }

    public Task<Stream?> OpenAuditAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => Task.FromResult(OpenRead(PathOf(ExportPaths.Audit(orgId, requestId))));

    /// <summary>
    /// The record is written whole to a temporary file, flushed to disk, then moved into place without replacing: the move
    /// fails when the record exists (a hard link on Unix, <c>MoveFileEx</c> without replace on Windows, both atomic), so of
    /// racing creators, in this process or another, exactly one wins and readers never see a partial record.
    /// </summary>
    public async Task<ExportRecordWrite> CreateRecordIfAbsentAsync(string orgId, string requestId, string recordName, BinaryData content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        string path = PathOf(ExportPaths.Record(orgId, requestId, recordName));
        SemaphoreSlim gate = _locks.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        string temp = path + "." + Guid.NewGuid().ToString("N") + TempSuffix;
        try
        {
            if (File.Exists(path))
            {
                return new ExportRecordWrite(false, BinaryData.FromBytes(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)));
            }

            CreateFolders(path);
            var stream = new FileStream(temp, Options(FileMode.CreateNew, FileShare.None));
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content.ToMemory(), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
                return new ExportRecordWrite(true, content);
            }
            catch (IOException) when (File.Exists(path))
            {
                return new ExportRecordWrite(false, BinaryData.FromBytes(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)));
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }

            gate.Release();
        }
    }

    public async Task<BinaryData?> ReadRecordAsync(string orgId, string requestId, string recordName, CancellationToken cancellationToken)
    {
        string path = PathOf(ExportPaths.Record(orgId, requestId, recordName));
        try
        {
            return BinaryData.FromBytes(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<int> DeleteExportsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        => Task.FromResult(DeleteOlderThan(auditLogs: false, cutoff, cancellationToken));

    public Task<int> DeleteAuditLogsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        => Task.FromResult(DeleteOlderThan(auditLogs: true, cutoff, cancellationToken));

    /// <summary>Deletes, per request folder, the audit log or everything else, when the newest of it was written before the cutoff.</summary>
    private int DeleteOlderThan(bool auditLogs, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        int purged = 0;
        if (!Directory.Exists(RootPath))
        {
            return 0;
        }

        foreach (string orgFolder in Directory.EnumerateDirectories(RootPath))
        {
            foreach (string requestFolder in Directory.EnumerateDirectories(orgFolder))
            {
                cancellationToken.ThrowIfCancellationRequested();
                string auditLog = Path.Combine(requestFolder, ExportPaths.AuditFileName);
                List<string> files = Directory.EnumerateFiles(requestFolder, "*", SearchOption.AllDirectories)
                    .Where(f => string.Equals(f, auditLog, StringComparison.Ordinal) == auditLogs)
                    .ToList();
                if (files.Count == 0 || files.Max(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero)) >= cutoff)
                {
                    continue;
                }

                foreach (string file in files)
                {
                    File.Delete(file);
                }

                foreach (string folder in Directory.EnumerateDirectories(requestFolder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
                {
                    if (!Directory.EnumerateFileSystemEntries(folder).Any())
                    {
                        Directory.Delete(folder);
                    }
                }

                if (!Directory.EnumerateFileSystemEntries(requestFolder).Any())
                {
                    Directory.Delete(requestFolder);
                }

                purged++;
            }
        }

        return purged;
    }

    private string PathOf(string relative)
    {
        string path = Path.GetFullPath(Path.Combine(RootPath, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(RootPath, StringComparison.Ordinal))
        {
            throw new ArgumentException("The path leaves the export folder.", nameof(relative));
        }

        return path;
    }

    private static Stream? OpenRead(string path)
        => File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true) : null;

    /// <summary>
    /// Creates every missing folder down to the file's folder owner-only, one level at a time (a mode given for a whole
    /// path applies only to its last folder), and makes the request's own folders (org, request, parts) owner-only if an
    /// earlier version left them open.
    /// </summary>
    private void CreateFolders(string filePath)
    {
        string folder = Path.GetDirectoryName(filePath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        var missing = new Stack<string>();
        for (string? current = folder; current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out string? create))
        {
            Directory.CreateDirectory(create, FolderMode);
        }

        for (string? current = folder; current is not null && current.Length > RootPath.TrimEnd(Path.DirectorySeparatorChar).Length; current = Path.GetDirectoryName(current))
        {
            if ((File.GetUnixFileMode(current) & ~FolderMode) != 0)
            {
                File.SetUnixFileMode(current, FolderMode);
            }
        }
    }

    /// <summary>Removes the temporary files of earlier writes of <paramref name="path"/> that never finished (a crash).</summary>
    private static void DeleteLeftovers(string path)
    {
        foreach (string leftover in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*" + TempSuffix))
        {
            File.Delete(leftover);
        }
    }

    private static FileStreamOptions Options(FileMode mode, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = share, BufferSize = 64 * 1024, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode600;
        }

        return options;
    }

    private static async Task WriteAtomicallyAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        string temp = path + "." + Guid.NewGuid().ToString("N") + TempSuffix;
        try
        {
            var stream = new FileStream(temp, Options(FileMode.CreateNew, FileShare.None));
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

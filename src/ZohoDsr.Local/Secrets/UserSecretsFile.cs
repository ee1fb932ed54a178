using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace ZohoDsr.Local.Secrets;

/// <summary>
/// The user-secrets JSON file of this project (<c>UserSecretsId</c> <c>zohodsr-local</c>): flat <c>Section:Key</c> names as
/// <c>dotnet user-secrets set</c> writes them. Read by the host at start.
/// </summary>
public sealed class UserSecretsFile(string path)
{
    public const string UserSecretsId = "zohodsr-local";

    public string Path { get; } = path;

    /// <summary>The file of <see cref="UserSecretsId"/> under the user's profile.</summary>
    public static UserSecretsFile Default() => new(PathHelper.GetSecretsPathFromSecretsId(UserSecretsId));

    public IReadOnlyDictionary<string, string> Read()
    {
        if (!File.Exists(Path))
        {
            return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        JsonNode? root = JsonNode.Parse(File.ReadAllText(Path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Flatten(root, prefix: null, values);
        return values;
    }

    /// <summary>Sets the values (flat names), keeping every other entry of the file.</summary>
    public void Set(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var merged = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string value) in Read())
        {
            merged[key] = value;
        }

        foreach ((string key, string value) in values)
        {
            merged[key] = value;
        }

        var json = new JsonObject();
        foreach ((string key, string value) in merged)
        {
            json[key] = value;
        }

        // Owner-only from the moment the file exists: the secrets are never readable by other users, not even briefly.
        string folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // A new file each time, created owner-only: the secrets are never written into a file an earlier run left behind
        // (whatever its mode). A temporary file of a run that crashed is removed.
        string stale = Path + ".tmp";
        if (File.Exists(stale))
        {
            File.Delete(stale);
        }

        string temp = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(temp, new System.Text.UTF8Encoding(false), create))
            {
                writer.Write(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }

            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void Flatten(JsonNode? node, string? prefix, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach ((string key, JsonNode? child) in obj)
                {
                    Flatten(child, prefix is null ? key : $"{prefix}:{key}", values);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], $"{prefix}:{i}", values);
                }

                break;
            case JsonValue value when prefix is not null:
                values[prefix] = value.ToString();
                break;
        }
    }
}

using System.CommandLine;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.WebUtilities;
using ZohoCrm.Client;
using ZohoDsr.Core.Secrets;
using ZohoDsr.Local.Secrets;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary>
/// <c>auth</c>: the one-time OAuth set-up of a real org. Prints the authorization URL of its data centre, reads the grant
/// code, exchanges it and stores the refresh token (user secrets, or Key Vault with <c>--key-vault</c>). Never prints it.
/// The client secret never comes from the command line, where every user of the machine can read it (<c>ps</c>): it is
/// read from <see cref="ClientSecretVariable"/>, from stdin, from user secrets or from a prompt that does not echo it. The
/// code is exchanged only at one of Zoho's data centres' accounts servers or at <c>--accounts-url</c>: a pasted redirect
/// naming any other <c>accounts-server</c> is refused before anything is sent.
/// </summary>
public static class AuthCommand
{
    /// <summary>The redirect URI used when none is given: register it for the client in Zoho's API console.</summary>
    public const string DefaultRedirectUri = "http://127.0.0.1:7071/oauth/callback";

    /// <summary>The environment variable the client secret may be given in.</summary>
    public const string ClientSecretVariable = "ZOHODSR_CLIENT_SECRET";

    public static Command Create(TimeProvider timeProvider, TextReader? input = null)
    {
        var org = new Option<string>("--org") { Description = "The org id to configure (Zoho:Orgs:{org}).", Required = true };
        var dataCenter = new Option<string>("--data-center") { Description = $"The org's data centre: {string.Join(", ", ZohoDataCenter.Names)}.", DefaultValueFactory = _ => "US" };
        var clientId = new Option<string?>("--client-id") { Description = "The OAuth client id from Zoho's API console (or Zoho:Orgs:{org}:ClientId in user secrets)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "No longer accepted (it shows in the process list).", Hidden = true };
        var clientSecretStdin = new Option<bool>("--client-secret-stdin") { Description = "Read the client secret from the first line of stdin (then the grant code, when --code is absent, from the next)." };
        var redirectUri = new Option<Uri?>("--redirect-uri") { CustomParser = UriArgument.Parse, Description = $"The redirect URI registered for the client (default {DefaultRedirectUri})." };
        var accountsUrl = new Option<Uri?>("--accounts-url") { CustomParser = UriArgument.Parse, Description = "An accounts server overriding the data centre's (a sandbox)." };
        var code = new Option<string?>("--code") { Description = "The grant code, or the whole redirect URL (read from stdin when absent)." };
        var keyVault = new Option<Uri?>("--key-vault") { CustomParser = UriArgument.Parse, Description = "Store the secrets in this Key Vault (https://NAME.vault.azure.net) instead of user secrets." };
        var secretsFile = new Option<string?>("--secrets-file") { Description = "The user-secrets JSON file to write (default: the one of zohodsr-local).", Hidden = true };
        dataCenter.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !ZohoDataCenter.TryGet(value, out _))
            {
                result.AddError($"--data-center: '{value}' is not one of {string.Join(", ", ZohoDataCenter.Names)}.");
            }
        });

        var command = new Command(
            "auth",
            "One-time OAuth set-up for a real Zoho CRM org: authorize, exchange the code, store the refresh token.\n"
            + $"The client secret is read from ${ClientSecretVariable}, from stdin with --client-secret-stdin, from user secrets "
            + "(Zoho:Orgs:{org}:ClientSecret) or from a prompt that does not echo it; never from the command line, where other "
            + "users of the machine can see it. The code is exchanged only at a Zoho data centre's accounts server or at --accounts-url.");
        foreach (Option option in new Option[] { org, dataCenter, clientId, clientSecret, clientSecretStdin, redirectUri, accountsUrl, code, keyVault, secretsFile })
        {
            command.Add(option);
        }

        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            string orgId = parseResult.GetRequiredValue(org);
            if (!KeyVaultZohoTokenStore.IsValidOrgId(orgId))
            {
                throw new CliException(ExitCodes.Usage, "--org: use 1 to 100 letters, digits or '-'.");
            }

            if (parseResult.GetValue(clientSecret) is not null)
            {
                throw new CliException(
                    ExitCodes.Usage,
                    $"--client-secret is no longer accepted: on the command line the secret is visible to other users of this machine (ps) and stays in shell history. "
                    + $"Set {ClientSecretVariable}, pass --client-secret-stdin, or leave it out to be prompted; consider rotating this secret in Zoho's API console.");
            }

            string? file = parseResult.GetValue(secretsFile);
            UserSecretsFile secrets = file is null ? UserSecretsFile.Default() : new UserSecretsFile(file);
            IReadOnlyDictionary<string, string> stored = secrets.Read();
            string prefix = $"{ZohoCrmClientOptions.SectionName}:Orgs:{orgId}";
            string id = parseResult.GetValue(clientId) ?? stored.GetValueOrDefault($"{prefix}:ClientId")
                ?? throw new CliException(ExitCodes.Usage, $"--client-id is required (or {prefix}:ClientId in user secrets).");
            TextReader stdin = input ?? Console.In;
            string secret = ReadClientSecret(parseResult.GetValue(clientSecretStdin), stdin, interactive: input is null && !Console.IsInputRedirected, stored.GetValueOrDefault($"{prefix}:ClientSecret"), prefix, context);
            Uri redirect = parseResult.GetValue(redirectUri) ?? new Uri(DefaultRedirectUri);
            Uri? accounts = parseResult.GetValue(accountsUrl);
            var orgOptions = new ZohoOrgOptions
            {
                DataCenter = parseResult.GetRequiredValue(dataCenter).ToUpperInvariant(),
                ClientId = id,
                RedirectUri = redirect,
                AccountsUrl = accounts,
            };

            var tokenStore = new AuthTokenStore(orgId, secret);
            var services = new ServiceCollection();
            services.AddLogging(b => b.ClearProviders());
            services.AddSingleton(timeProvider);
            services.AddSingleton<IZohoTokenStore>(tokenStore);
            services.AddZohoCrmClient(o => o.Orgs[orgId] = orgOptions);
            await using ServiceProvider provider = services.BuildServiceProvider();
            ZohoTokenProvider tokens = provider.GetRequiredService<ZohoTokenProvider>();

            Uri authorizationUrl = tokens.BuildAuthorizationUrl(orgId);
            string? given = parseResult.GetValue(code);
            if (given is null)
            {
                context.Output.WriteLine("1. Open this URL as a Zoho CRM administrator of the org and accept:");
                context.Output.WriteLine("   " + authorizationUrl.AbsoluteUri);
                context.Output.WriteLine($"2. Zoho redirects to {redirect}?code=...: paste that URL (or just the code) here and press Enter:");
                given = stdin.ReadLine();
            }

            (string grantCode, Uri? redirectServer) = ParseCode(given);
            Uri? accountsServer = CheckAccountsServer(redirectServer, accounts);
            await tokens.ExchangeCodeAsync(orgId, grantCode, accountsServer, cancellationToken).ConfigureAwait(false);
            string refreshToken = tokenStore.RefreshToken
                ?? throw new CliException(ExitCodes.Failed, "Zoho returned no refresh token.");

            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [$"{prefix}:ClientId"] = id,
                [$"{prefix}:DataCenter"] = orgOptions.DataCenter,
                [$"{prefix}:RedirectUri"] = redirect.AbsoluteUri,
            };
            if (accounts is not null)
            {
                settings[$"{prefix}:AccountsUrl"] = accounts.AbsoluteUri;
            }

            string storedIn;
            Uri? vault = parseResult.GetValue(keyVault);
            if (vault is not null)
            {
                var client = new SecretClient(vault, new DefaultAzureCredential());
                await client.SetSecretAsync(KeyVaultZohoTokenStore.ClientSecretName(orgId), secret, cancellationToken).ConfigureAwait(false);
                await client.SetSecretAsync(KeyVaultZohoTokenStore.RefreshTokenName(orgId), refreshToken, cancellationToken).ConfigureAwait(false);
                settings["ZohoDsr:KeyVaultUri"] = vault.AbsoluteUri;
                storedIn = $"Key Vault {vault.Host} ({KeyVaultZohoTokenStore.RefreshTokenName(orgId)})";
            }
            else
            {
                settings[$"{prefix}:ClientSecret"] = secret;
                settings[$"{prefix}:RefreshToken"] = refreshToken;
                storedIn = $"user secrets {secrets.Path}";
            }

            secrets.Set(settings);
            if (context.Json)
            {
                RequestReport.WriteJson(context, new { orgId, dataCenter = orgOptions.DataCenter, storedIn = vault is null ? "user-secrets" : "key-vault", location = vault is null ? secrets.Path : vault.AbsoluteUri });
            }
            else
            {
                context.Output.WriteLine($"Authorized org '{orgId}' ({orgOptions.DataCenter}); the refresh token is stored in {storedIn}.");
                context.Output.WriteLine("The local host now runs against this org: dotnet run --project src/ZohoDsr.Local");
            }

            return ExitCodes.Ok;
        }, timeProvider);
        return command;
    }

    /// <summary>
    /// The accounts server to exchange the code at: null (the data centre's, or <paramref name="configured"/>) when the
    /// redirect named none, else the redirect's <c>accounts-server</c> when it is exactly one of Zoho's data centres'
    /// accounts servers (https, no port, path or query) or exactly <paramref name="configured"/> (<c>--accounts-url</c>).
    /// Any other server would receive the client secret: refused, naming its host.
    /// </summary>
    public static Uri? CheckAccountsServer(Uri? redirectServer, Uri? configured)
    {
        if (redirectServer is null)
        {
            return null;
        }

        if (IsSameServer(redirectServer, configured) || IsDataCenterAccountsServer(redirectServer))
        {
            return redirectServer;
        }

        string host = redirectServer.IsAbsoluteUri ? redirectServer.Host : redirectServer.OriginalString;
        throw new CliException(
            ExitCodes.Usage,
            $"--code: the redirect names the accounts server '{host}', which is neither a Zoho data centre's accounts server "
            + $"({string.Join(", ", DataCenterAccountsServers().Select(u => u.Host))}) over https nor --accounts-url; the client secret is not sent there. "
            + "Paste the redirect Zoho's own accounts server made, or only its code.");
    }

    /// <summary>True when <paramref name="server"/> is exactly the accounts server of one of Zoho's data centres (<see cref="ZohoDataCenter"/>).</summary>
    public static bool IsDataCenterAccountsServer(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return DataCenterAccountsServers().Any(known => IsSameServer(server, known));
    }

    private static IEnumerable<Uri> DataCenterAccountsServers()
        => ZohoDataCenter.Names.Select(name => ZohoDataCenter.TryGet(name, out ZohoDataCenter dataCenter) ? dataCenter.AccountsUrl : null).OfType<Uri>();

    private static bool IsSameServer(Uri server, Uri? expected)
        => expected is not null
            && server.IsAbsoluteUri
            && expected.IsAbsoluteUri
            && string.IsNullOrEmpty(server.UserInfo)
            && string.IsNullOrEmpty(server.Query)
            && string.IsNullOrEmpty(server.Fragment)
            && string.Equals(server.Scheme, expected.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(server.IdnHost, expected.IdnHost, StringComparison.OrdinalIgnoreCase)
            && server.Port == expected.Port
            && string.Equals(server.AbsolutePath.TrimEnd('/'), expected.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>
    /// The client secret: stdin's first line with <c>--client-secret-stdin</c>, else <see cref="ClientSecretVariable"/>, else
    /// the one in user secrets, else (at a terminal) a prompt that does not echo what is typed.
    /// </summary>
    private static string ReadClientSecret(bool fromStdin, TextReader stdin, bool interactive, string? stored, string prefix, CliContext context)
    {
        if (fromStdin)
        {
            return stdin.ReadLine()?.Trim() is { Length: > 0 } line
                ? line
                : throw new CliException(ExitCodes.Usage, "--client-secret-stdin: stdin held no client secret on its first line.");
        }

        if (Environment.GetEnvironmentVariable(ClientSecretVariable)?.Trim() is { Length: > 0 } variable)
        {
            return variable;
        }

        if (!string.IsNullOrEmpty(stored))
        {
            return stored;
        }

        if (interactive)
        {
            context.Output.Write("Client secret (not shown as you type): ");
            string typed = ReadWithoutEcho();
            context.Output.WriteLine();
            if (typed.Trim().Length > 0)
            {
                return typed.Trim();
            }
        }

        throw new CliException(
            ExitCodes.Usage,
            $"The client secret is required: set {ClientSecretVariable}, pass --client-secret-stdin, or store {prefix}:ClientSecret in user secrets.");
    }

    private static string ReadWithoutEcho()
    {
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    /// <summary>A bare code, or the redirect URL with <c>code</c> (and <c>accounts-server</c>) in its query.</summary>
    public static (string Code, Uri? AccountsServer) ParseCode(string? text)
    {
        string value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            throw new CliException(ExitCodes.Usage, "--code: no grant code was given.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? url) || string.IsNullOrEmpty(url.Query))
        {
            return (value, null);
        }

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query = QueryHelpers.ParseQuery(url.Query);
        if (query.TryGetValue("error", out Microsoft.Extensions.Primitives.StringValues error))
        {
            throw new CliException(ExitCodes.Failed, $"Zoho refused the authorization: {error}.");
        }

        if (!query.TryGetValue("code", out Microsoft.Extensions.Primitives.StringValues codeValue) || string.IsNullOrEmpty(codeValue))
        {
            throw new CliException(ExitCodes.Usage, "--code: the URL has no code parameter.");
        }

        Uri? accountsServer = query.TryGetValue("accounts-server", out Microsoft.Extensions.Primitives.StringValues server)
            && Uri.TryCreate(server.ToString(), UriKind.Absolute, out Uri? serverUri) ? serverUri : null;
        return (codeValue.ToString(), accountsServer);
    }
}

using System.CommandLine;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Local.Cli;

/// <summary>
/// The options of every command that talks to a running host: <c>--url</c>, <c>--org</c>, <c>--function-key</c>, and
/// <c>--secret</c>, the signing secret the CLI signs with (the webhook, and approve / reject / cancel / extend, which the
/// local host takes only signed).
/// </summary>
public sealed class HostTargetOptions
{
    /// <summary>Environment variable with the host's base URL (instead of <c>--url</c>).</summary>
    public const string UrlVariable = "ZOHODSR_URL";

    /// <summary>Environment variable with an Azure Functions key (instead of <c>--function-key</c>).</summary>
    public const string FunctionKeyVariable = "ZOHODSR_FUNCTION_KEY";

    /// <summary>Environment variable with the signing secret (instead of <c>--secret</c>): the host's own setting name.</summary>
    public const string SecretVariable = "ZohoDsr__Webhook__SigningSecret";

    public Option<Uri> Url { get; } = new("--url")
    {
        Description = $"Base URL of the host (default {LocalHostOptions.DefaultUrls}, or ${UrlVariable}).",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : LocalHostOptions.DefaultUrls),
        CustomParser = UriArgument.Parse!,
    };

    public Option<string> Org { get; } = new("--org")
    {
        Description = $"The Zoho org id as the host configures it (default '{LocalHostOptions.DemoOrgId}', the simulated demo org).",
        DefaultValueFactory = _ => LocalHostOptions.DemoOrgId,
    };

    public Option<string?> FunctionKey { get; } = new("--function-key")
    {
        Description = $"Azure Functions key sent as x-functions-key (or ${FunctionKeyVariable}); on the local host, its ZohoDsr:Http:OperatorKey.",
    };

    public Option<string?> Secret { get; } = new("--secret")
    {
        Description = $"The signing secret: the local host prints it at start (or ${SecretVariable}). Calls that change something are signed with it.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Url);
        command.Add(Org);
        command.Add(FunctionKey);
        command.Add(Secret);
    }

    /// <summary>The signing secret given, or null.</summary>
    public string? SigningSecret(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Secret) is { Length: > 0 } secret ? secret
            : Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } variable ? variable : null;
    }

    /// <summary>The function key given, or null.</summary>
    public string? Key(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(FunctionKey) ?? Environment.GetEnvironmentVariable(FunctionKeyVariable);
    }

    public DsrHostClient CreateClient(ParseResult parseResult, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return DsrHostClient.Create(parseResult.GetRequiredValue(Url), Key(parseResult), timeProvider, SigningSecret(parseResult));
    }

    /// <summary>
    /// A client for a call that changes something: it must be able to sign (<c>--secret</c>) or carry a key
    /// (<c>--function-key</c>); otherwise a usage error before anything is sent.
    /// </summary>
    public DsrHostClient CreateOperatorClient(ParseResult parseResult, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (SigningSecret(parseResult) is null && string.IsNullOrEmpty(Key(parseResult)))
        {
            throw new CliException(ExitCodes.Usage, $"--secret is required (the local host prints its signing secret at start; or set {SecretVariable}), or --function-key for the Functions app in Azure.");
        }

        return CreateClient(parseResult, timeProvider);
    }
}

using System.CommandLine;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Local.Cli;

/// <summary>The options of every command that talks to a running host: <c>--url</c>, <c>--org</c>, <c>--function-key</c>.</summary>
public sealed class HostTargetOptions
{
    /// <summary>Environment variable with the host's base URL (instead of <c>--url</c>).</summary>
    public const string UrlVariable = "ZOHODSR_URL";

    /// <summary>Environment variable with an Azure Functions key (instead of <c>--function-key</c>).</summary>
    public const string FunctionKeyVariable = "ZOHODSR_FUNCTION_KEY";

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
        Description = $"Azure Functions key sent as x-functions-key (or ${FunctionKeyVariable}).",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Url);
        command.Add(Org);
        command.Add(FunctionKey);
    }

    public DsrHostClient CreateClient(ParseResult parseResult, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        string? key = parseResult.GetValue(FunctionKey) ?? Environment.GetEnvironmentVariable(FunctionKeyVariable);
        return DsrHostClient.Create(parseResult.GetRequiredValue(Url), key, timeProvider);
    }
}

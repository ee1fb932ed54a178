using System.CommandLine.Parsing;

namespace ZohoDsr.Local.Cli;

/// <summary>Parses an option's value as an absolute http(s) URL, naming the option when it is not one.</summary>
public static class UriArgument
{
    public static Uri? Parse(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        string name = (result.Parent as OptionResult)?.Option.Name ?? "value";
        result.AddError($"{name}: '{text}' is not an absolute http(s) URL.");
        return null;
    }
}

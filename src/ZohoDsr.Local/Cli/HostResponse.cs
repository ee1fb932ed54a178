using System.Text.Json;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli;

/// <summary>An answer of the host: status code, raw JSON text and the Location header.</summary>
public sealed record HostResponse(int StatusCode, string Body, Uri? Location)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, DsrJson.Options)
        ?? throw new CliException(ExitCodes.Unreachable, $"The host answered HTTP {StatusCode} without a body.");

    /// <summary>Throws a <see cref="CliException"/> describing a failure answer (problem details on one line).</summary>
    public HostResponse EnsureSuccess(string action)
    {
        if (IsSuccess)
        {
            return this;
        }

        int exitCode = StatusCode >= 500 ? ExitCodes.Unreachable : ExitCodes.Usage;
        throw new CliException(exitCode, $"{action} failed: HTTP {StatusCode} {DescribeProblem()}".TrimEnd());
    }

    private string DescribeProblem()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return string.Empty;
        }

        try
        {
            DsrProblemDetails? problem = JsonSerializer.Deserialize<DsrProblemDetails>(Body, DsrJson.Options);
            if (problem is null)
            {
                return string.Empty;
            }

            string text = problem.Title;
            if (!string.IsNullOrEmpty(problem.Detail))
            {
                text += " " + problem.Detail;
            }

            if (problem.Errors is { Count: > 0 })
            {
                text += " " + string.Join("; ", problem.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            }

            return text.ReplaceLineEndings(" ");
        }
        catch (JsonException)
        {
            return Body.Length > 200 ? Body[..200].ReplaceLineEndings(" ") : Body.ReplaceLineEndings(" ");
        }
    }
}

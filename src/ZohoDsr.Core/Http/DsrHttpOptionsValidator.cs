using Microsoft.Extensions.Options;

namespace ZohoDsr.Core.Http;

/// <summary>Validates <see cref="DsrHttpOptions"/> on start, naming the configuration key.</summary>
public sealed class DsrHttpOptionsValidator : IValidateOptions<DsrHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, DsrHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OperatorKey.Length is > 0 and < DsrHttpOptions.MinOperatorKeyLength || (options.OperatorKey.Length > 0 && string.IsNullOrWhiteSpace(options.OperatorKey))
            ? ValidateOptionsResult.Fail($"{DsrHttpOptions.SectionName}:OperatorKey must be empty or at least {DsrHttpOptions.MinOperatorKeyLength} characters.")
            : ValidateOptionsResult.Success;
    }
}

using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Tests.Configuration;

public sealed class DsrOptionsValidatorTests
{
    private static DsrOptions Valid => new()
    {
        Webhook = new WebhookOptions { SigningSecret = "secret" },
        Exports = new ExportOptions { Kind = "Blob", ConnectionString = "UseDevelopmentStorage=true" },
    };

    [Fact]
    public void Validate_Valid_Succeeds()
        => Assert.True(new DsrOptionsValidator().Validate(null, Valid).Succeeded);

    [Fact]
    public void Validate_NoSigningSecret_NamesTheKey()
    {
        DsrOptions options = Valid;
        options.Webhook.SigningSecret = "";

        var result = new DsrOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("ZohoDsr:Webhook:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEveryKey()
    {
        var options = new DsrOptions
        {
            ParentModules = [],
            RetentionDays = 0,
            ThrottleBaseDelay = TimeSpan.FromMinutes(10),
            ThrottleMaxDelay = TimeSpan.FromMinutes(1),
            ThrottleMaxAttempts = 0,
            Exports = new ExportOptions { Kind = "Blob", Container = "Bad_Name" },
        };

        string message = new DsrOptionsValidator().Validate(null, options).FailureMessage!;

        foreach (string key in new[] { "Webhook:SigningSecret", "ParentModules", "RetentionDays", "ThrottleMaxDelay", "ThrottleMaxAttempts", "Exports:BlobServiceUri", "Exports:Container" })
        {
            Assert.Contains("ZohoDsr:" + key, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_AuditKeptShorterThanExports_NamesTheKey()
    {
        DsrOptions options = Valid;
        options.RetentionDays = 30;
        options.AuditRetentionDays = 7;

        Assert.Contains("ZohoDsr:AuditRetentionDays", new DsrOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownExportKind_NamesTheKey()
    {
        DsrOptions options = Valid;
        options.Exports.Kind = "S3";

        Assert.Contains("ZohoDsr:Exports:Kind", new DsrOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }
}

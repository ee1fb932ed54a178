using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Tests.Configuration;

public sealed class DsrOptionsValidatorTests
{
    private static DsrOptions Valid => new()
    {
        Webhook = new WebhookOptions { SigningSecret = "secret" },
        Exports = new ExportOptions { Kind = "Blob", ConnectionString = "UseDevelopmentStorage=true" },
        Audit = new AuditOptions { SubjectKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" },
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

    [Theory]
    [InlineData(CoqlEmailMatch.Like, true)]
    [InlineData(CoqlEmailMatch.Equals, true)]
    [InlineData((CoqlEmailMatch)7, false)]
    public void Validate_CoqlEmailMatch_NamesTheKeyWhenUndefined(CoqlEmailMatch match, bool valid)
    {
        DsrOptions options = Valid;
        options.CoqlEmailMatch = match;

        var result = new DsrOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(!valid, result.FailureMessage?.Contains("ZohoDsr:CoqlEmailMatch", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void CoqlEmailMatch_Default_IsLike()
        => Assert.Equal(CoqlEmailMatch.Like, new DsrOptions().CoqlEmailMatch);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(3_601, false)]
    public void Validate_MetadataCacheTtl_NamesTheKeyWhenOutOfRange(int seconds, bool valid)
    {
        DsrOptions options = Valid;
        options.MetadataCacheTtl = TimeSpan.FromSeconds(seconds);

        var result = new DsrOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(!valid, result.FailureMessage?.Contains("ZohoDsr:MetadataCacheTtl", StringComparison.Ordinal) ?? false);
    }

    [Theory]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.1/8", true)]
    [InlineData("not a host", false)]
    [InlineData("http://intake.example", false)]
    [InlineData("10.20.0.0/16", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("192.168.1.5", true)]
    [InlineData("intake.corp.example", true)]
    public void Validate_CallbackAllowedHostsEntry_NamesTheEntryWhenBad(string entry, bool valid)
    {
        DsrOptions options = Valid;
        options.Webhook.CallbackAllowedHosts = ["intake.example.com", entry];

        var result = new DsrOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        Assert.True(valid || result.FailureMessage!.Contains("ZohoDsr:Webhook:CallbackAllowedHosts:1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData(" ")]
    [InlineData("@")]
    public void Validate_SubjectEmailExtraCharactersUnsafe_NamesTheKey(string escaped)
    {
        DsrOptions options = Valid;
        options.Webhook.SubjectEmailExtraCharacters = "()" + System.Text.RegularExpressions.Regex.Unescape(escaped);

        Assert.Contains("ZohoDsr:Webhook:SubjectEmailExtraCharacters", new DsrOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAuditSubjectKeyAndNoKeyVault_NamesTheKey()
    {
        DsrOptions options = Valid;
        options.Audit.SubjectKey = "";

        var result = new DsrOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("ZohoDsr:Audit:SubjectKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAuditSubjectKeyButKeyVault_Succeeds()
    {
        DsrOptions options = Valid;
        options.Audit.SubjectKey = "";
        options.KeyVaultUri = new Uri("https://kv-zohodsr.vault.azure.net/");

        Assert.True(new DsrOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    public void Validate_AuditSubjectKeyNotBase64Of32Bytes_NamesTheKeyWithoutEchoingIt(string key)
    {
        DsrOptions options = Valid;
        options.Audit.SubjectKey = key;

        string message = new DsrOptionsValidator().Validate(null, options).FailureMessage!;

        Assert.Contains("ZohoDsr:Audit:SubjectKey", message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, message, StringComparison.Ordinal);
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

using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Tests.Contracts;

public sealed class DsrRequestValidatorTests
{
    private static readonly Func<string, bool> KnownOrg = o => o == "org1";
    private static readonly Func<string, bool> KnownModule = m => m is "Contacts" or "Leads" or "Calls";

    private static DsrRequest Valid => new()
    {
        RequestId = "req-2026.11:23_a",
        Type = DsrRequestType.Delete,
        Subject = new DsrSubject { Email = "jane@example.com" },
        OrgId = "org1",
        Modules = ["Contacts", "Calls"],
        DryRun = true,
        RequireApproval = false,
        PurgeRecycleBin = true,
        CallbackUrl = new Uri("https://intake.example.com/dsr/callback"),
    };

    [Fact]
    public void Validate_ValidRequest_NoErrors()
        => Assert.Empty(DsrRequestValidator.Validate(Valid, KnownOrg, KnownModule));

    [Fact]
    public void Validate_Null_ReportsBody()
        => Assert.Equal("body", Assert.Single(DsrRequestValidator.Validate(null, KnownOrg, KnownModule)).Field);

    [Fact]
    public void Validate_EverythingMissing_ReportsEveryRequiredField()
    {
        IReadOnlyList<DsrValidationError> errors = DsrRequestValidator.Validate(new DsrRequest(), KnownOrg, KnownModule);

        Assert.Equal(["orgId", "requestId", "subject.email", "type"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblem()
    {
        var request = new DsrRequest
        {
            RequestId = new string('x', 101),
            Type = (DsrRequestType)7,
            Subject = new DsrSubject { Email = "two@example.com, three@example.com" },
            OrgId = "org9",
            Modules = ["Contacts", "Bogus", "contacts"],
            CallbackUrl = new Uri("http://intake.example.com/cb"),
        };

        IReadOnlyList<DsrValidationError> errors = DsrRequestValidator.Validate(request, KnownOrg, m => KnownModule(m) || m == "contacts");

        Assert.Equal(["callbackUrl", "modules[1]", "modules[2]", "orgId", "requestId", "subject.email", "type"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Validate_DeleteOnlyFlagsOnAccess_ReportsEachFlag()
    {
        DsrRequest request = Valid with { Type = DsrRequestType.Access };

        IReadOnlyList<DsrValidationError> errors = DsrRequestValidator.Validate(request, KnownOrg, KnownModule);

        Assert.Equal(["dryRun", "purgeRecycleBin", "requireApproval"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("jane@example.com", true)]
    [InlineData("  Jane.Doe+dsr@Example.co.uk ", true)]
    [InlineData("jane", false)]
    [InlineData("jane@", false)]
    [InlineData("@example.com", false)]
    [InlineData("jane@example", false)]
    [InlineData("jane@@example.com", false)]
    [InlineData("a@b.com;c@d.com", false)]
    [InlineData("Jane <jane@example.com>", false)]
    [InlineData("ja ne@example.com", false)]
    [InlineData("jane@example..com", false)]
    public void IsValidEmail_Address_AsExpected(string email, bool valid)
        => Assert.Equal(valid, DsrRequestValidator.IsValidEmail(email));

    [Fact]
    public void Validate_EmailTooLong_ReportsLength()
    {
        DsrRequest request = Valid with { Subject = new DsrSubject { Email = new string('a', 64) + "@" + new string('b', 190) + ".com" } };

        DsrValidationError error = Assert.Single(DsrRequestValidator.Validate(request, KnownOrg, KnownModule));

        Assert.Equal("subject.email", error.Field);
        Assert.Contains("254", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://intake.example.com/cb", true)]
    [InlineData("https://intake.example.com:8443/dsr?token=x", true)]
    [InlineData("http://127.0.0.1:5000/cb", false)]
    [InlineData("http://localhost:5000/cb", false)]
    [InlineData("https://localhost:5000/cb", true)]
    [InlineData("http://[::1]:5000/cb", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://10.1.2.3/cb", false)]
    [InlineData("https://172.16.0.1/cb", false)]
    [InlineData("https://192.168.1.10/cb", false)]
    [InlineData("https://100.64.0.1/cb", false)]
    [InlineData("https://168.63.129.16/cb", false)]
    [InlineData("https://0.0.0.0/cb", false)]
    [InlineData("https://[::]/cb", false)]
    [InlineData("https://[fd00:ec2::254]/cb", false)]
    [InlineData("https://[fe80::1]/cb", false)]
    [InlineData("https://[::ffff:169.254.169.254]/cb", false)]
    [InlineData("https://[::ffff:10.0.0.1]/cb", false)]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/cb", false)]
    [InlineData("https://93.184.215.14/cb", true)]
    [InlineData("http://intake.example.com/cb", false)]
    [InlineData("ftp://intake.example.com/cb", false)]
    [InlineData("https://user:pass@intake.example.com/cb", false)]
    [InlineData("/relative/cb", false)]
    public void Validate_CallbackUrl_AsExpected(string url, bool valid)
    {
        DsrRequest request = Valid with { CallbackUrl = new Uri(url, UriKind.RelativeOrAbsolute) };

        IReadOnlyList<DsrValidationError> errors = DsrRequestValidator.Validate(request, KnownOrg, KnownModule);

        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("callbackUrl", e.Field));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/cb", true)]
    [InlineData("http://localhost:5000/cb", true)]
    [InlineData("http://[::1]:5000/cb", true)]
    [InlineData("https://127.0.0.1:5000/cb", true)]
    [InlineData("http://10.1.2.3/cb", false)]
    [InlineData("https://169.254.169.254/cb", false)]
    public void Validate_CallbackUrlWithLoopbackAllowed_AcceptsOnlyLoopback(string url, bool valid)
    {
        DsrRequest request = Valid with { CallbackUrl = new Uri(url) };

        IReadOnlyList<DsrValidationError> errors = DsrRequestValidator.Validate(request, KnownOrg, KnownModule, new WebhookOptions { AllowLoopbackCallbacks = true });

        Assert.Equal(valid, errors.Count == 0);
    }

    [Theory]
    [InlineData("10.20.0.0/16", "https://10.20.3.4/cb", true)]
    [InlineData("10.20.0.0/16", "https://10.21.3.4/cb", false)]
    [InlineData("10.20.3.4", "https://10.20.3.4/cb", true)]
    [InlineData("fd00::/8", "https://[fd00:ec2::254]/cb", true)]
    [InlineData("intake.corp.example", "https://intake.corp.example/cb", true)]
    [InlineData("localhost", "https://localhost/cb", true)]
    [InlineData("10.20.0.0/16", "http://10.20.3.4/cb", false)]
    public void Validate_CallbackUrlOnAllowList_Accepted(string allowed, string url, bool valid)
    {
        DsrRequest request = Valid with { CallbackUrl = new Uri(url) };

        IReadOnlyList<DsrValidationError> errors = DsrRequestValidator.Validate(request, KnownOrg, KnownModule, new WebhookOptions { CallbackAllowedHosts = [allowed] });

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Validate_CallbackToMetadataAddress_NamesCallbackUrlAndTheSetting()
    {
        DsrRequest request = Valid with { CallbackUrl = new Uri("https://169.254.169.254/") };

        DsrValidationError error = Assert.Single(DsrRequestValidator.Validate(request, KnownOrg, KnownModule));

        Assert.Equal("callbackUrl", error.Field);
        Assert.Contains("metadata", error.Message, StringComparison.Ordinal);
        Assert.Contains("ZohoDsr:Webhook:CallbackAllowedHosts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jane\u200B@example.com", "U+200B")]
    [InlineData("jane@exa\u200Dmple.com", "U+200D")]
    [InlineData("\uFEFFjane@example.com", "U+FEFF")]
    [InlineData("jane\u00AD@example.com", "U+00AD")]
    [InlineData("jane\u202E@example.com", "U+202E")]
    [InlineData("jane\u0007@example.com", "U+0007")]
    public void Validate_EmailWithControlOrFormatCharacter_NamesTheFieldAndTheRule(string escaped, string codePoint)
    {
        string email = System.Text.RegularExpressions.Regex.Unescape(escaped);
        DsrRequest request = Valid with { Subject = new DsrSubject { Email = email } };

        DsrValidationError error = Assert.Single(DsrRequestValidator.Validate(request, KnownOrg, KnownModule));

        Assert.Equal("subject.email", error.Field);
        Assert.Contains("Cc/Cf", error.Message, StringComparison.Ordinal);
        Assert.Contains(codePoint, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a(b)c,d@example.com", "'(' is not allowed")]
    [InlineData("jane@@example.com", "exactly one '@'")]
    [InlineData("a@b.com;c@d.com", "exactly one '@'")]
    [InlineData("Jane <jane@example.com>", "without spaces")]
    [InlineData("jane@example", "at least two labels")]
    [InlineData("jane@-example.com", "domain name")]
    [InlineData(".jane@example.com", "must not start or end with '.'")]
    [InlineData("ja..ne@example.com", "contain '..'")]
    [InlineData("@example.com", "part before '@'")]
    [InlineData("\"jane\"@example.com", "'\"' is not allowed")]
    public void Validate_EmailBreakingARule_MessageNamesTheRule(string escaped, string rule)
    {
        string email = System.Text.RegularExpressions.Regex.Unescape(escaped);
        DsrRequest request = Valid with { Subject = new DsrSubject { Email = email } };

        DsrValidationError error = Assert.Single(DsrRequestValidator.Validate(request, KnownOrg, KnownModule));

        Assert.Equal("subject.email", error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("o'brien@example.com")]
    [InlineData("dept/team/user@example.com")]
    [InlineData("user+tag@mail.example.co.uk")]
    [InlineData("a!#$%&'*+-/=?^_`{|}~b@example.com")]
    [InlineData("$B1234@example.com")]
    [InlineData("_somename@example.com")]
    [InlineData("jos\u00E9.m\u00FCller@example.com")]
    [InlineData("user@xn--bcher-kva.example")]
    [InlineData("user@b\u00FCcher.example")]
    [InlineData("  Jane.Doe@Example.COM  ")]
    public void Validate_EmailZohoAccepts_Accepted(string escaped)
    {
        DsrRequest request = Valid with { Subject = new DsrSubject { Email = System.Text.RegularExpressions.Regex.Unescape(escaped) } };

        Assert.Empty(DsrRequestValidator.Validate(request, KnownOrg, KnownModule));
    }

    [Fact]
    public void Validate_EmailWithCharactersAllowedBySetting_Accepted()
    {
        DsrRequest request = Valid with { Subject = new DsrSubject { Email = "a(b)c,d@example.com" } };

        IReadOnlyList<DsrValidationError> errors = DsrRequestValidator.Validate(request, KnownOrg, KnownModule, new WebhookOptions { SubjectEmailExtraCharacters = "()," });

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("trailing.")]
    [InlineData("a/b")]
    [InlineData("a b")]
    public void Validate_RequestIdBreakingTheRule_ReportsRequestId(string requestId)
    {
        DsrValidationError error = Assert.Single(DsrRequestValidator.Validate(Valid with { RequestId = requestId }, KnownOrg, KnownModule));

        Assert.Equal("requestId", error.Field);
    }

    [Fact]
    public void Validate_EmptyModules_ReportsModules()
        => Assert.Equal("modules", Assert.Single(DsrRequestValidator.Validate(Valid with { Modules = [] }, KnownOrg, KnownModule)).Field);
}

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
    [InlineData("http://127.0.0.1:5000/cb", true)]
    [InlineData("http://localhost:5000/cb", true)]
    [InlineData("http://[::1]:5000/cb", true)]
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

    [Fact]
    public void Validate_EmptyModules_ReportsModules()
        => Assert.Equal("modules", Assert.Single(DsrRequestValidator.Validate(Valid with { Modules = [] }, KnownOrg, KnownModule)).Field);
}

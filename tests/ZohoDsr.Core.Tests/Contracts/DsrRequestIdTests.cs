using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Contracts;

public sealed class DsrRequestIdTests
{
    private static readonly Func<string, bool> KnownOrg = o => o == "org1";

    public static TheoryData<string> Ids()
    {
        var ids = new TheoryData<string>
        {
            ".", "..", "...", ".a", "a.", "a..b", "a.b", "req-2026.11:23_a", "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
            "_", "-", ":", "a/b", "a\\b", "a b", "é", new string('x', 100), new string('x', 101), "a.b.", ".a.b",
        };
        return ids;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryUse_SameId_AcceptsExactlyWhatTheValidatorAccepts(string requestId)
    {
        var request = new DsrRequest
        {
            RequestId = requestId,
            Type = DsrRequestType.Access,
            Subject = new DsrSubject { Email = "jane@example.com" },
            OrgId = "org1",
        };
        bool validated = DsrRequestValidator.Validate(request, KnownOrg, _ => true).Count == 0;

        Assert.Equal(validated, Accepts(() => ExportPaths.Export("org1", requestId)));
        Assert.Equal(validated, Accepts(() => ExportPaths.Audit("org1", requestId)));
        Assert.Equal(validated, Accepts(() => ExportPaths.Part("org1", requestId, "00001-Contacts.json")));
        Assert.Equal(validated, Accepts(() => DsrInstanceId.For("org1", requestId)));
        Assert.Equal(validated, DsrRequestId.IsValid(requestId));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Validate_DotSegments_RefusedNamingTheRule(string requestId)
    {
        string? problem = DsrRequestId.Problem(requestId);

        Assert.NotNull(problem);
        Assert.Contains("must not start or end with '.'", problem, StringComparison.Ordinal);
    }

    private static bool Accepts(Func<string> use)
    {
        try
        {
            use();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Json.Schema;
using Moq;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Http;
using static ZohoDsr.Core.Tests.Http.ApiHarness;

namespace ZohoDsr.Core.Tests.Http;

/// <summary>
/// The OpenAPI document against the code: each schema lists exactly the JSON properties of its type, enums list exactly
/// the values the serializer writes, and real answers of <see cref="DsrHttpApi"/> (and the callback body) validate against
/// the schemas (JSON Schema 2020-12, additional properties refused). The route table is checked against both hosts in the
/// end-to-end HttpContractTests.
/// </summary>
public sealed class DsrOpenApiTests : IDisposable
{
    private static readonly JsonObject Schemas = (JsonObject)JsonNode.Parse(DsrOpenApi.Document.GetRawText())!["components"]!["schemas"]!;

    private readonly ApiHarness _h = new();

    public void Dispose() => _h.Dispose();

    public static TheoryData<string, Type> SchemaTypes => new()
    {
        { "DsrRequest", typeof(DsrRequest) },
        { "DsrManagementUris", typeof(DsrManagementUris) },
        { "DsrProgress", typeof(DsrProgress) },
        { "ModuleOutcome", typeof(ModuleOutcome) },
        { "RecordOutcome", typeof(RecordOutcome) },
        { "DsrResult", typeof(DsrResult) },
        { "DsrDecision", typeof(DsrDecision) },
        { "DsrExtension", typeof(DsrExtension) },
        { "DeadlinePeriod", typeof(DeadlinePeriod) },
        { "DsrDeadlineView", typeof(DsrDeadlineView) },
        { "DsrStatusView", typeof(DsrStatusView) },
        { "DsrActionAccepted", typeof(DsrActionAccepted) },
        { "DsrCounts", typeof(DsrCounts) },
        { "DsrListItem", typeof(DsrListItem) },
        { "DsrListPage", typeof(DsrListPage) },
        { "ProblemDetails", typeof(DsrProblemDetails) },
    };

    public static TheoryData<string, Type> EnumTypes => new()
    {
        { "DsrStatus", typeof(DsrStatus) },
        { "DsrRequestType", typeof(DsrRequestType) },
        { "DeadlineRegimeKind", typeof(DeadlineRegimeKind) },
        { "RecordOutcomeKind", typeof(RecordOutcomeKind) },
    };

    [Theory]
    [MemberData(nameof(SchemaTypes))]
    public void Schema_Properties_AreExactlyTheTypesJsonProperties(string schema, Type type)
    {
        string[] documented = [.. ((JsonObject)Schemas[schema]!["properties"]!).Select(p => p.Key).Order(StringComparer.Ordinal)];
        string[] serialised = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetMethod!.IsPublic && !p.Name.Equals("EqualityContract", StringComparison.Ordinal))
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order(StringComparer.Ordinal)];

        Assert.Equal(serialised, documented);
        Assert.False(Schemas[schema]!["additionalProperties"]!.GetValue<bool>(), $"{schema} must refuse properties it does not list");
    }

    [Theory]
    [MemberData(nameof(EnumTypes))]
    public void Schema_Enum_IsExactlyWhatTheSerializerWrites(string schema, Type type)
    {
        string[] documented = [.. ((JsonArray)Schemas[schema]!["enum"]!).Select(v => v!.GetValue<string>())];
        string[] written = [.. Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, DsrJson.Options).Trim('"'))];

        Assert.Equal(written, documented);
    }

    [Fact]
    public void CallbackBody_EveryPropertySet_ValidatesAgainstDsrResult()
        => AssertValid("DsrResult", FullResult());

    [Fact]
    public void WebhookBody_AsTheCliSendsIt_ValidatesAgainstDsrRequest()
        => AssertValid("DsrRequest", JsonSerializer.Deserialize<JsonElement>(System.Text.Encoding.UTF8.GetString(DsrJsonBodyOf(new DsrRequest
        {
            RequestId = "ticket-42",
            Type = DsrRequestType.Delete,
            Subject = new DsrSubject { Email = Email },
            OrgId = OrgId,
            Modules = ["Contacts", "Leads"],
            DryRun = false,
            RequireApproval = true,
            PurgeRecycleBin = false,
            CallbackUrl = new Uri("https://intake.example.com/cb"),
            ReceivedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(1)),
            Regime = DeadlineRegimeKind.Ccpa,
        }))));

    [Fact]
    public void Schema_SomethingTheDocumentDoesNotList_IsRefused()
    {
        JsonObject counts = JsonSerializer.SerializeToNode(new DsrCounts(1, 2, 3, 4, 5), DsrJson.Options)!.AsObject();
        counts["email"] = Email;

        Assert.False(Evaluate("DsrCounts", JsonSerializer.SerializeToElement(counts)).IsValid);
    }

    [Fact]
    public async Task RealAnswers_EveryRoute_ValidateAgainstTheirSchemas()
    {
        Dictionary<string, DsrInstanceState> engine = _h.UseInMemoryEngine();
        _h.Instances.Setup(i => i.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _h.Instances.Setup(i => i.ListAsync(It.IsAny<DsrInstanceQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new DsrInstancePage([.. engine.Values], "engine-token"));

        DsrHttpResponse accepted = await _h.SubmitAsync(Body("r-oa", "delete", ",\"requireApproval\":true,\"receivedAt\":\"2026-11-20T09:00:00Z\""));
        string instanceId = DsrInstanceId.For(OrgId, "r-oa");
        engine[instanceId] = engine[instanceId] with
        {
            RuntimeStatus = DsrRuntimeStatus.Running,
            Progress = new DsrProgress(DsrStatus.AwaitingApproval, "approval", 3, 3, 4, 0, 0, _h.Time.GetUtcNow().AddDays(3)),
        };
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        DsrHttpResponse extended = await _h.Api.ExtendAsync(_h.Signed("POST", "api/dsr/r-oa/extend?orgId=org1", """{"reason":"more systems"}"""), "r-oa", OrgId, CancellationToken.None);
        DsrHttpResponse approved = await _h.Api.DecideAsync(_h.Signed("POST", "api/dsr/r-oa/approve?orgId=org1", """{"reason":"checked"}"""), "r-oa", OrgId, approve: true, CancellationToken.None);
        DsrHttpResponse conflict = await _h.Api.DecideAsync(_h.Signed("POST", "api/dsr/r-oa/reject?orgId=org1"), "r-oa", OrgId, approve: false, CancellationToken.None);
        engine[instanceId] = engine[instanceId] with { RuntimeStatus = DsrRuntimeStatus.Completed, Output = FullResult() };
        DsrHttpResponse status = await _h.Api.GetStatusAsync("r-oa", OrgId, CancellationToken.None);
        DsrHttpResponse list = await _h.Api.ListAsync(new DsrListQuery(OrgId, null, null, "5", null), CancellationToken.None);
        DsrHttpResponse invalid = await _h.SubmitAsync("""{"requestId":"r 1","type":"x"}""");

        AssertValid("DsrManagementUris", accepted);
        AssertValid("DsrDeadlineView", extended);
        AssertValid("DsrActionAccepted", approved);
        AssertValid("ProblemDetails", conflict);
        AssertValid("DsrStatusView", status);
        AssertValid("DsrListPage", list);
        AssertValid("ProblemDetails", invalid);
        DsrStatusView view = Assert.IsType<DsrStatusView>(status.Body);
        Assert.NotNull(view.Deadline?.Extension);
        Assert.NotNull(view.Decision);
        Assert.NotNull(Assert.IsType<DsrProblemDetails>(conflict.Body).Decision);
        Assert.NotNull(Assert.IsType<DsrListPage>(list.Body).ContinuationToken);
    }

    private static byte[] DsrJsonBodyOf(DsrRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, DsrJson.Options);

    private static DsrResult FullResult() => new()
    {
        RequestId = "r-oa",
        OrgId = OrgId,
        Type = DsrRequestType.Delete,
        Status = DsrStatus.Completed,
        DryRun = false,
        Modules = [new ModuleOutcome("Contacts", "coql", 2, 1, 0, 1, 0)],
        Records = [new RecordOutcome("Contacts", "1001", RecordOutcomeKind.Deleted), new RecordOutcome("Contacts", "1002", RecordOutcomeKind.Failed, "RECORD_LOCKED")],
        ExportLocation = "/exports/org1/r-oa/export.json",
        RecycleBinRetainedUntil = new DateTimeOffset(2027, 1, 22, 0, 0, 0, TimeSpan.Zero),
        RecycleBinPurged = false,
        StartedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        CompletedAt = new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero),
        ApiCalls = 12,
        CreditsUsed = 20,
        PrivacySettings = true,
        CallbackDelivered = true,
        Error = "1 record could not be deleted.",
    };

    private static void AssertValid(string schema, DsrHttpResponse response)
        => AssertValid(schema, JsonSerializer.SerializeToElement(response.Body, response.Body!.GetType(), DsrJson.Options));

    private static void AssertValid(string schema, object value)
        => AssertValid(schema, JsonSerializer.SerializeToElement(value, value.GetType(), DsrJson.Options));

    private static void AssertValid(string schema, JsonElement instance)
    {
        EvaluationResults results = Evaluate(schema, instance);
        string errors = string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));
        Assert.True(results.IsValid, $"{schema}: {errors}\n{instance}");
    }

    private static EvaluationResults Evaluate(string schema, JsonElement instance)
    {
        string defs = Schemas.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        string text = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://zohodsr.test/{{schema}}/{{Guid.NewGuid():N}}","$ref":"#/$defs/{{schema}}","$defs":{{defs}}}""";
        JsonSchema compiled = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return compiled.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }
}

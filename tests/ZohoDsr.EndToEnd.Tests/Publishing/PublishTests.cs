using System.Reflection;
using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Functions.Http;
using ZohoDsr.Functions.Orchestrations;
using ZohoDsr.Local.Engine;

namespace ZohoDsr.EndToEnd.Tests.Publishing;

/// <summary>
/// What <c>dotnet publish</c> gives Azure: every function with the trigger and bindings the Functions host needs, the
/// Durable extension registered, and in <c>.azurefunctions/</c> the very engine the local host runs the same functions
/// on. A missing attribute fails here, not in Azure.
/// </summary>
public sealed class PublishTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    private static readonly string[] HttpFunctions =
    [
        nameof(DsrHttpFunctions.SubmitDsr), nameof(DsrHttpFunctions.ListDsr), nameof(DsrHttpFunctions.GetDsrStatus), nameof(DsrHttpFunctions.ApproveDsr),
        nameof(DsrHttpFunctions.RejectDsr), nameof(DsrHttpFunctions.ExtendDsr), nameof(DsrHttpFunctions.CancelDsr),
    ];

    [Fact]
    public void FunctionsMetadata_EveryFunction_HasItsTriggerAndBindings()
    {
        Dictionary<string, List<(string Type, string Direction)>> functions = ReadMetadata();

        Assert.Equal([("orchestrationTrigger", "In")], functions[OrchestrationNames.DsrOrchestration]);
        Assert.Equal([("entityTrigger", "In")], functions[EntityNames.OrgRateGate]);
        Assert.All(ActivityNames.All, name => Assert.Equal([("activityTrigger", "In")], functions[name]));
        Assert.All(HttpFunctions, name => Assert.Equal([("httpTrigger", "In"), ("durableClient", "In"), ("http", "Out")], functions[name]));
        Assert.Equal([("httpTrigger", "In"), ("http", "Out")], functions[nameof(DsrHttpFunctions.GetOpenApiDocument)]);
        Assert.Equal([("timerTrigger", "In"), ("durableClient", "In")], functions[OrchestrationNames.RetentionPurge]);
        Assert.Equal([("timerTrigger", "In"), ("durableClient", "In")], functions[OrchestrationNames.RefreshMetrics]);
        Assert.Equal(ActivityNames.All.Count + HttpFunctions.Length + 5, functions.Count);
    }

    [Fact]
    public void FunctionsMetadata_DurableFunctions_AreTheOnesTheLocalHostRuns()
    {
        Dictionary<string, List<(string Type, string Direction)>> published = ReadMetadata();

        IReadOnlyList<DurableFunction> local = DurableFunctionCatalog.Read(typeof(DsrOrchestrator).Assembly);

        Assert.Equal(
            published.Where(f => f.Value[0].Type is "orchestrationTrigger" or "activityTrigger" or "entityTrigger").Select(f => f.Key).Order(StringComparer.Ordinal),
            local.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExtensionsJson_RegistersTheDurableExtension()
    {
        using JsonDocument extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Output, "extensions.json")));

        JsonElement durable = Assert.Single(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.DurableTaskWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.DurableTask,", durable.GetProperty("typeName").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.Output, durable.GetProperty("hintPath").GetString()!)));
    }

    [Theory]
    [InlineData(typeof(TaskHubWorker), "DurableTask.Core.dll")]
    [InlineData(typeof(AzureStorageOrchestrationService), "DurableTask.AzureStorage.dll")]
    public void AzureFunctionsFolder_ShipsTheEngineTheLocalHostRuns(Type engineType, string file)
    {
        string shipped = Path.Combine(app.Output, ".azurefunctions", file);

        Assert.True(File.Exists(shipped), shipped);
        Assert.Equal(engineType.Assembly.GetName().Version, AssemblyName.GetAssemblyName(shipped).Version);
    }

    private Dictionary<string, List<(string Type, string Direction)>> ReadMetadata()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Output, "functions.metadata")));
        return metadata.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray()
                .Select(b => (b.GetProperty("type").GetString()!, b.GetProperty("direction").GetString()!))
                .ToList(),
            StringComparer.Ordinal);
    }
}

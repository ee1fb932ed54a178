using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZohoDsr.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class MainTemplateTests(InfraFixture infra)
{
    [Fact]
    public void TargetScope_Main_IsSubscriptionCreatingResourceGroup()
    {
        var group = infra.Flex.Single("Microsoft.Resources/resourceGroups");

        Assert.Contains("subscriptionDeploymentTemplate.json", infra.Main.Root.Text("$schema"), StringComparison.Ordinal);
        Assert.Equal($"rg-{InfraFixture.EnvironmentName}", group.Text("name"));
        Assert.Equal(InfraFixture.Location, group.Text("location"));
    }

    [Fact]
    public void Names_EveryResource_IsAbbreviationPlusOneResourceToken()
    {
        var abbreviations = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.InfraDirectory, "abbreviations.json"))).RootElement;
        var expected = new Dictionary<string, string>
        {
            ["Microsoft.ManagedIdentity/userAssignedIdentities"] = abbreviations.Text("managedIdentityUserAssignedIdentities"),
            ["Microsoft.OperationalInsights/workspaces"] = abbreviations.Text("operationalInsightsWorkspaces"),
            ["Microsoft.Insights/components"] = abbreviations.Text("insightsComponents"),
            ["Microsoft.Storage/storageAccounts"] = abbreviations.Text("storageStorageAccounts"),
            ["Microsoft.KeyVault/vaults"] = abbreviations.Text("keyVaultVaults"),
            ["Microsoft.Web/serverfarms"] = abbreviations.Text("webServerFarms"),
            ["Microsoft.Web/sites"] = abbreviations.Text("webSitesFunctions"),
        };

        var tokens = expected.Select(e =>
        {
            var name = infra.Flex.Single(e.Key).Text("name");
            Assert.StartsWith(e.Value, name, StringComparison.Ordinal);
            return name[e.Value.Length..];
        }).Distinct().ToList();

        var token = Assert.Single(tokens);
        Assert.Matches(ResourceToken(), token);
        Assert.Equal($"{abbreviations.Text("insightsActionGroups")}{token}", infra.Flex.Single("Microsoft.Insights/actionGroups").Text("name"));
        Assert.All(
            infra.Flex.OfType("Microsoft.Insights/scheduledQueryRules"),
            r => Assert.StartsWith($"{abbreviations.Text("insightsScheduledQueryRules")}{token}-", r.Text("name"), StringComparison.Ordinal));
        Assert.Matches(StorageAccountName(), infra.Flex.Single("Microsoft.Storage/storageAccounts").Text("name"));
        Assert.InRange(infra.Flex.Single("Microsoft.KeyVault/vaults").Text("name").Length, 3, 24);
    }

    [Fact]
    public void Tags_EveryTaggedResource_CarriesAzdEnvName()
    {
        var located = infra.Flex.Resources.Where(r => r.Find("location") is not null).ToList();

        // 8 for the app, the workbook, 4 alert rules and (an alert email being given) the action group.
        Assert.Equal(14, located.Count);
        Assert.All(located, r => Assert.Equal(InfraFixture.EnvironmentName, r.Text("tags", "azd-env-name")));
    }

    [Fact]
    public void Location_EveryResource_IsTheLocationParameter() =>
        Assert.All(
            infra.Flex.Resources.Where(r => r.Find("location") is not null && r.Text("type") != "Microsoft.Insights/actionGroups"),
            r => Assert.Equal(InfraFixture.Location, r.Text("location")));

    [Fact]
    public void Location_ActionGroup_IsGlobal() =>
        Assert.Equal("global", infra.Flex.Single("Microsoft.Insights/actionGroups").Text("location"));

    [Fact]
    public void Outputs_Compiled_DeclareAzdOutputsAsStrings()
    {
        string[] expected =
        [
            "AZURE_FUNCTION_APP_NAME", "AZURE_FUNCTION_APP_URL", "AZURE_KEY_VAULT_NAME", "AZURE_KEY_VAULT_URI",
            "AZURE_LOCATION", "AZURE_RESOURCE_GROUP", "AZURE_TENANT_ID", "WEBHOOK_URL",
        ];
        var outputs = infra.Main.Root.At("outputs");

        Assert.Equal(expected, outputs.EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.All(outputs.EnumerateObject(), o => Assert.Equal("string", o.Value.Text("type")));
    }

    [Fact]
    public void Outputs_Snapshot_NameTheDeployedResources()
    {
        var outputs = infra.Flex.Outputs;
        var site = infra.Flex.Single("Microsoft.Web/sites").Text("id");

        Assert.Equal(InfraFixture.Location, outputs.Text("AZURE_LOCATION"));
        Assert.Equal(InfraFixture.TenantId, outputs.Text("AZURE_TENANT_ID"));
        Assert.Equal($"rg-{InfraFixture.EnvironmentName}", outputs.Text("AZURE_RESOURCE_GROUP"));
        Assert.Equal(infra.Flex.Single("Microsoft.Web/sites").Text("name"), outputs.Text("AZURE_FUNCTION_APP_NAME"));
        Assert.Equal(infra.Flex.Single("Microsoft.KeyVault/vaults").Text("name"), outputs.Text("AZURE_KEY_VAULT_NAME"));
        Assert.Equal($"[format('https://{{0}}', reference('{site}', '2025-03-01').defaultHostName)]", outputs.Text("AZURE_FUNCTION_APP_URL"));
        Assert.Equal($"[format('https://{{0}}/api/dsr', reference('{site}', '2025-03-01').defaultHostName)]", outputs.Text("WEBHOOK_URL"));
    }

    [Fact]
    public void Template_Compiled_ReadsNoKeysAndHasNoStorageConnectionString()
    {
        Assert.DoesNotContain("listKeys(", infra.MainJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas(", infra.MainJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", infra.MainJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(infra.Main.Root.Descendants(), d => d.Name == "AzureWebJobsStorage");
        Assert.DoesNotContain(infra.Main.Root.Descendants(), d => d.Name.StartsWith("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_EveryResourceModule_TakesNameLocationAndTags()
    {
        var modules = infra.Main.Modules.Where(m => m.Name != "rbac").ToList();

        Assert.Equal(
            ["alerts", "functionApp", "identity", "keyVault", "monitoring", "storage", "workbook"],
            modules.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(modules, m =>
        {
            _ = m.ParameterDefinition("name");
            _ = m.ParameterDefinition("location");
            _ = m.ParameterDefinition("tags");
            Assert.Equal("[parameters('location')]", m.ArgumentFor("location").GetString());
            Assert.Equal("[variables('tags')]", m.ArgumentFor("tags").GetString());
        });
    }

    [Fact]
    public void ParametersFile_AzdEnvironment_FeedsMainParameters()
    {
        var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.InfraDirectory, "main.parameters.json"))).RootElement;
        var passed = file.At("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Text("value"));
        var declared = infra.Main.Root.At("parameters").EnumerateObject().ToList();

        Assert.All(passed.Keys, name => Assert.Contains(name, declared.Select(d => d.Name)));
        Assert.All(declared.Where(d => d.Value.Find("defaultValue") is null), d => Assert.Contains(d.Name, passed.Keys));
        Assert.Equal("${AZURE_ENV_NAME}", passed["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", passed["location"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", passed["principalId"]);
        Assert.Equal("${ZOHODSR_ALERT_EMAIL}", passed["alertEmail"]);
    }

    [Fact]
    public void AzureYaml_ApiService_DeploysTheFunctionsProjectAsFunction()
    {
        var yaml = File.ReadAllLines(Path.Combine(RepoPaths.RepoRoot, "azure.yaml")).Select(l => l.TrimEnd()).ToList();
        var service = yaml.FindIndex(l => l == "  api:");

        Assert.True(service > 0, "azure.yaml declares no service 'api'.");
        var body = yaml.Skip(service + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Contains("project: ./src/ZohoDsr.Functions", body);
        Assert.Contains("language: dotnet", body);
        Assert.Contains("host: function", body);
        Assert.True(File.Exists(Path.Combine(RepoPaths.RepoRoot, "src", "ZohoDsr.Functions", "ZohoDsr.Functions.csproj")));
        Assert.Contains("  path: infra", yaml);
    }

    [GeneratedRegex("^[a-z0-9]{13}$")]
    private static partial Regex ResourceToken();

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex StorageAccountName();
}

using System.Text.Json;

namespace ZohoDsr.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed class StorageTests(InfraFixture infra)
{
    private const string StorageType = "Microsoft.Storage/storageAccounts";
    private const string PolicyType = "Microsoft.Storage/storageAccounts/managementPolicies";

    [Fact]
    public void StorageAccount_Compiled_ForbidsKeysPublicBlobsHttpAndOldTls()
    {
        var properties = infra.Main.Module("storage").Resource(StorageType).At("properties");

        Assert.False(properties.At("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.At("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.Text("minimumTlsVersion"));
        Assert.True(properties.At("supportsHttpsTrafficOnly").GetBoolean());
        Assert.True(properties.At("defaultToOAuthAuthentication").GetBoolean());
    }

    [Fact]
    public void StorageAccount_Snapshot_IsTheOnlyAccountAndKeepsItsSettings()
    {
        var properties = infra.Flex.Single(StorageType).At("properties");

        Assert.False(properties.At("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.At("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.Text("minimumTlsVersion"));
        Assert.True(properties.At("supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void Containers_Snapshot_HoldDeploymentPackageAndExportsPrivately()
    {
        var containers = infra.Flex.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        var account = infra.Flex.Single(StorageType).Text("name");

        Assert.Equal(
            [$"{account}/default/app-package", $"{account}/default/exports"],
            containers.Select(c => c.Text("name")).Order(StringComparer.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", c.Text("properties", "publicAccess")));
    }

    [Fact]
    public void LifecycleRule_Compiled_DeletesAfterRetentionParameter()
    {
        var storage = infra.Main.Module("storage");
        var delete = SingleRule(storage.Resource(PolicyType)).At("definition", "actions", "baseBlob", "delete");

        var (template, parameter) = storage.TraceParameter(delete.Text("daysAfterModificationGreaterThan"));

        Assert.Same(infra.Main, template);
        Assert.Equal("exportRetentionDays", parameter);
        Assert.Equal(30, infra.Main.ParameterDefinition(parameter).At("defaultValue").GetInt32());
    }

    [Fact]
    public void LifecycleRule_Snapshot_DeletesExportBlobsAfterGivenDays()
    {
        var rule = SingleRule(infra.Flex.Single(PolicyType));

        Assert.True(rule.At("enabled").GetBoolean());
        Assert.Equal(["exports/"], rule.At("definition", "filters", "prefixMatch").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            InfraFixture.SampleRetentionDays,
            rule.At("definition", "actions", "baseBlob", "delete", "daysAfterModificationGreaterThan").GetInt32());
    }

    [Fact]
    public void LifecycleRule_DefaultParameters_DeletesAfterThirtyDays()
    {
        var rule = SingleRule(infra.Premium.Single(PolicyType));

        Assert.Equal(30, rule.At("definition", "actions", "baseBlob", "delete", "daysAfterModificationGreaterThan").GetInt32());
    }

    [Fact]
    public void Diagnostics_BlobService_SendAllLogsToWorkspace()
    {
        var account = infra.Flex.Single(StorageType).Text("id");
        var settings = DiagnosticSettings.On(infra.Flex, $"{account}/blobServices/default");

        Assert.Equal(infra.Flex.Single("Microsoft.OperationalInsights/workspaces").Text("id"), settings.Text("properties", "workspaceId"));
        Assert.Contains(settings.At("properties", "logs").EnumerateArray(), l => l.Find("categoryGroup")?.GetString() == "allLogs" && l.At("enabled").GetBoolean());
    }

    private static JsonElement SingleRule(JsonElement policy) =>
        Assert.Single(policy.At("properties", "policy", "rules").EnumerateArray());
}

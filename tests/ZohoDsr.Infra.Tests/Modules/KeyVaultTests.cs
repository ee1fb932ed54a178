namespace ZohoDsr.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed class KeyVaultTests(InfraFixture infra)
{
    private const string VaultType = "Microsoft.KeyVault/vaults";

    [Fact]
    public void Vault_Compiled_UsesRbacSoftDeleteAndPurgeProtection()
    {
        var properties = infra.Main.Module("keyVault").Resource(VaultType).At("properties");

        Assert.True(properties.At("enableRbacAuthorization").GetBoolean());
        Assert.True(properties.At("enableSoftDelete").GetBoolean());
        Assert.Equal(90, properties.At("softDeleteRetentionInDays").GetInt32());
        Assert.True(properties.At("enablePurgeProtection").GetBoolean());
        Assert.Null(properties.Find("accessPolicies"));
    }

    [Fact]
    public void Vault_Snapshot_UsesRbacInTheDeploymentTenant()
    {
        var properties = infra.Flex.Single(VaultType).At("properties");

        Assert.True(properties.At("enableRbacAuthorization").GetBoolean());
        Assert.True(properties.At("enablePurgeProtection").GetBoolean());
        Assert.Equal(InfraFixture.TenantId, properties.Text("tenantId"));
    }

    [Fact]
    public void PublicNetworkAccess_Compiled_FollowsMainParameter()
    {
        var keyVault = infra.Main.Module("keyVault");

        var (template, parameter) = keyVault.TraceParameter(keyVault.Resource(VaultType).Text("properties", "publicNetworkAccess"));

        Assert.Same(infra.Main, template);
        Assert.Equal("keyVaultPublicNetworkAccess", parameter);
        Assert.Equal(
            ["Enabled", "Disabled"],
            infra.Main.ParameterDefinition(parameter).At("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void PublicNetworkAccess_DefaultParameters_IsEnabled() =>
        Assert.Equal("Enabled", infra.Premium.Single(VaultType).Text("properties", "publicNetworkAccess"));

    [Fact]
    public void Diagnostics_Vault_SendAuditLogsToWorkspace()
    {
        var settings = DiagnosticSettings.On(infra.Flex, infra.Flex.Single(VaultType).Text("id"));

        Assert.Equal(infra.Flex.Single("Microsoft.OperationalInsights/workspaces").Text("id"), settings.Text("properties", "workspaceId"));
        Assert.Contains(settings.At("properties", "logs").EnumerateArray(), l => l.Find("categoryGroup")?.GetString() == "audit" && l.At("enabled").GetBoolean());
    }
}

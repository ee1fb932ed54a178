using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZohoDsr.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed partial class FunctionAppTests(InfraFixture infra)
{
    private const string SiteType = "Microsoft.Web/sites";
    private const string PlanType = "Microsoft.Web/serverfarms";

    public static TheoryData<string> HostingPlans() => ["flex", "premium"];

    [Fact]
    public void Site_Compiled_IsHttpsOnlyWithTls12AndNoFtp()
    {
        var site = infra.Main.Module("functionApp").Resource(SiteType);

        Assert.True(site.At("properties", "httpsOnly").GetBoolean());
        Assert.Equal("1.2", site.Text("properties", "siteConfig", "minTlsVersion"));
        Assert.Equal("Disabled", site.Text("properties", "siteConfig", "ftpsState"));
        Assert.Equal("UserAssigned", site.Text("identity", "type"));
    }

    [Theory]
    [MemberData(nameof(HostingPlans))]
    public void Site_EitherPlan_IsHttpsOnlyWithTls12AndNoFtp(string plan)
    {
        var properties = Snapshot(plan).Single(SiteType).At("properties");

        Assert.True(properties.At("httpsOnly").GetBoolean());
        Assert.Equal("1.2", properties.Text("siteConfig", "minTlsVersion"));
        Assert.Equal("1.2", properties.Text("siteConfig", "scmMinTlsVersion"));
        Assert.Equal("Disabled", properties.Text("siteConfig", "ftpsState"));
    }

    [Fact]
    public void Site_Identity_IsTheUserAssignedIdentityOnly()
    {
        var site = infra.Flex.Single(SiteType);
        var identityId = infra.Flex.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id");

        Assert.Equal("UserAssigned", site.Text("identity", "type"));
        Assert.Equal([identityId], site.At("identity", "userAssignedIdentities").EnumerateObject().Select(p => p.Name));
        Assert.Equal(identityId, site.Text("properties", "keyVaultReferenceIdentity"));
    }

    [Fact]
    public void Site_FlexConsumption_RunsDotnetIsolated10FromDeploymentContainer()
    {
        var plan = infra.Flex.Single(PlanType);
        var site = infra.Flex.Single(SiteType);
        var config = site.At("properties", "functionAppConfig");
        var storage = config.At("deployment", "storage");

        Assert.Equal("FC1", plan.Text("sku", "name"));
        Assert.Equal("FlexConsumption", plan.Text("sku", "tier"));
        Assert.True(plan.At("properties", "reserved").GetBoolean());
        Assert.Equal("functionapp,linux", site.Text("kind"));
        Assert.Equal("dotnet-isolated", config.Text("runtime", "name"));
        Assert.Equal("10.0", config.Text("runtime", "version"));
        Assert.Equal("blobContainer", storage.Text("type"));
        Assert.EndsWith(".blob, 'app-package')]", storage.Text("value"), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", storage.Text("authentication", "type"));
        Assert.Equal(site.Text("properties", "keyVaultReferenceIdentity"), storage.Text("authentication", "userAssignedIdentityResourceId"));
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", infra.Flex.AppSettings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", infra.Flex.AppSettings.Keys);
    }

    [Fact]
    public void Site_ElasticPremium_RunsDotnetIsolated10OnEp1()
    {
        var plan = infra.Premium.Single(PlanType);
        var site = infra.Premium.Single(SiteType);
        var settings = infra.Premium.AppSettings;

        Assert.Equal("EP1", plan.Text("sku", "name"));
        Assert.Equal("ElasticPremium", plan.Text("sku", "tier"));
        Assert.Equal("elastic", plan.Text("kind"));
        Assert.Equal("DOTNET-ISOLATED|10.0", site.Text("properties", "siteConfig", "linuxFxVersion"));
        Assert.True(site.Find("properties", "functionAppConfig") is null or { ValueKind: JsonValueKind.Null });
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", settings.Keys);
    }

    [Theory]
    [MemberData(nameof(HostingPlans))]
    public void PublishingCredentials_FtpAndScm_AreDisabled(string plan)
    {
        var policies = Snapshot(plan).OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        var site = Snapshot(plan).Single(SiteType).Text("name");

        Assert.Equal([$"{site}/ftp", $"{site}/scm"], policies.Select(p => p.Text("name")).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p.At("properties", "allow").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(HostingPlans))]
    public void AppSettings_HostStorage_IsIdentityBased(string plan)
    {
        var settings = Snapshot(plan).AppSettings;
        var identity = IdentityReference(plan);

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal($"[reference('{identity}', '2024-11-30').clientId]", settings["AzureWebJobsStorage__clientId"]);
        Assert.EndsWith(").primaryEndpoints.blob]", settings["AzureWebJobsStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.EndsWith(").primaryEndpoints.queue]", settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.EndsWith(").primaryEndpoints.table]", settings["AzureWebJobsStorage__tableServiceUri"], StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["AZURE_CLIENT_ID"]);
    }

    [Fact]
    public void AppSettings_ApplicationInsights_AuthenticateWithEntraId()
    {
        var settings = infra.Flex.AppSettings;

        Assert.Equal(
            $"[format('Authorization=AAD;ClientId={{0}}', reference('{IdentityReference("flex")}', '2024-11-30').clientId)]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.EndsWith(", '2020-02-02').ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.DoesNotContain("APPINSIGHTS_INSTRUMENTATIONKEY", settings.Keys);
    }

    [Fact]
    public void AppSettings_ZohoDsr_PointAtDeployedResources()
    {
        var settings = infra.Flex.AppSettings;
        var vaultName = infra.Flex.Single("Microsoft.KeyVault/vaults").Text("name");

        Assert.Equal("ZohoDsr", settings["ZohoDsr__TaskHub"]);
        Assert.EndsWith($"/vaults/{vaultName}', '2025-05-01').vaultUri]", settings["ZohoDsr__KeyVaultUri"], StringComparison.Ordinal);
        Assert.Equal(settings["AzureWebJobsStorage__blobServiceUri"], settings["ZohoDsr__Exports__BlobServiceUri"]);
        Assert.Equal("exports", settings["ZohoDsr__Exports__Container"]);
        Assert.Equal(InfraFixture.SampleRetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture), settings["ZohoDsr__RetentionDays"]);
        Assert.Equal($"@Microsoft.KeyVault(VaultName={vaultName};SecretName=webhook-signing-secret)", settings["ZohoDsr__Webhook__SigningSecret"]);
    }

    [Fact]
    public void AppSettings_ZohoOrgs_FlattenedPerOrgWithoutSecrets()
    {
        var settings = infra.Flex.AppSettings;

        foreach (var org in InfraFixture.SampleOrgs)
        {
            var prefix = $"Zoho__Orgs__{org.OrgId}__";
            Assert.Equal(org.DataCenter, settings[prefix + "DataCenter"]);
            Assert.Equal(org.ClientId, settings[prefix + "ClientId"]);
            Assert.Equal(org.Edition, settings[prefix + "Edition"]);
            Assert.Equal(org.ApiVersion, settings[prefix + "Version"]);
            Assert.Equal(org.UserLicenses?.ToString(System.Globalization.CultureInfo.InvariantCulture), settings.GetValueOrDefault(prefix + "UserLicenses"));
        }

        Assert.Equal(
            (4 * InfraFixture.SampleOrgs.Count) + InfraFixture.SampleOrgs.Count(o => o.UserLicenses is not null),
            settings.Keys.Count(k => k.StartsWith("Zoho__", StringComparison.Ordinal)));
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Secret", StringComparison.OrdinalIgnoreCase) && !k.StartsWith("ZohoDsr__Webhook__", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Token", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(infra.Premium.AppSettings.Keys, k => k.StartsWith("Zoho__", StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_HostJsonPlaceholders_AreAllSet()
    {
        var hostJson = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "host.json"));
        var placeholders = Placeholder().Matches(hostJson).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.Contains("ZohoDsr__TaskHub", placeholders);
        Assert.All(placeholders, p => Assert.Contains(p, infra.Flex.AppSettings.Keys));
        Assert.All(placeholders, p => Assert.Contains(p, infra.Premium.AppSettings.Keys));
    }

    [Theory]
    [MemberData(nameof(HostingPlans))]
    public void AppSettings_EveryValue_HoldsNoKeyOrCredential(string plan)
    {
        foreach (var (name, value) in Snapshot(plan).AppSettings)
        {
            Assert.DoesNotContain("AccountKey=", value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys(", value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.False(name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase), $"{name} looks like a connection string setting.");
        }
    }

    [Fact]
    public void Diagnostics_Site_SendFunctionAppLogsToWorkspace()
    {
        var settings = DiagnosticSettings.On(infra.Flex, infra.Flex.Single(SiteType).Text("id"));

        Assert.Equal(infra.Flex.Single("Microsoft.OperationalInsights/workspaces").Text("id"), settings.Text("properties", "workspaceId"));
        Assert.Contains(settings.At("properties", "logs").EnumerateArray(), l => l.Find("category")?.GetString() == "FunctionAppLogs" && l.At("enabled").GetBoolean());
    }

    [Fact]
    public void Site_Tags_NameTheAzdService()
    {
        var tags = infra.Flex.Single(SiteType).At("tags");

        Assert.Equal("api", tags.Text("azd-service-name"));
        Assert.Equal(InfraFixture.EnvironmentName, tags.Text("azd-env-name"));
    }

    private DeploymentSnapshot Snapshot(string plan) => plan == "flex" ? infra.Flex : infra.Premium;

    private string IdentityReference(string plan) => Snapshot(plan).Single("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id");

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex Placeholder();
}

using System.Text.Json;

namespace ZohoDsr.Infra.Tests;

/// <summary>
/// Runs the Bicep CLI once for every test: copies infra/ to a scratch directory, builds and lints every .bicep file
/// there, and predicts two deployments of main.bicep (Flex Consumption with sample orgs and alert settings, and
/// Elastic Premium with the defaults) with <c>bicep snapshot</c>. Nothing touches Azure or the network.
/// </summary>
public sealed class InfraFixture : IAsyncLifetime
{
    public const string EnvironmentName = "dsr-ci";
    public const string Location = "westeurope";
    public const string SubscriptionId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string TenantId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public const string OperatorPrincipalId = "16fd2706-8baf-433b-82eb-8c7fada847da";
    public const int SampleRetentionDays = 45;
    public const string SampleAlertEmail = "privacy-ops@example.com";
    public const int SampleFailedRequestsThreshold = 2;
    public const int SampleApprovalWaitHours = 24;
    public const int SampleDueSoonDays = 5;
    public const int SampleCreditBudgetPercent = 90;

    public static readonly IReadOnlyList<SampleOrg> SampleOrgs =
    [
        new("20071234", "EU", "1000.EUCLIENTID", "Professional", "V2", null),
        new("60012345", "US", "1000.USCLIENTID", "Enterprise", "V8", 250),
    ];

    private string _workDirectory = string.Empty;
    private string _formatDirectory = string.Empty;

    public BicepCli Bicep { get; private set; } = null!;

    /// <summary>The .bicep files under infra/, relative to it with '/' separators.</summary>
    public IReadOnlyList<string> BicepFiles { get; private set; } = [];

    public BicepRun BuildRun { get; private set; } = null!;

    public BicepRun LintRun { get; private set; } = null!;

    public BicepRun FormatRun { get; private set; } = null!;

    /// <summary>main.bicep compiled to ARM JSON, module templates nested.</summary>
    public ArmTemplate Main { get; private set; } = null!;

    /// <summary>The raw text of the compiled main template.</summary>
    public string MainJson { get; private set; } = string.Empty;

    /// <summary>Flex Consumption, two sample orgs, a non-default retention, an operator principal, an alert email and non-default alert thresholds.</summary>
    public DeploymentSnapshot Flex { get; private set; } = null!;

    /// <summary>Elastic Premium EP1 with every other parameter at its default (no alert email).</summary>
    public DeploymentSnapshot Premium { get; private set; } = null!;

    public string CompiledPath(string bicepFile) => Path.Combine(_workDirectory, Path.ChangeExtension(bicepFile, ".json"));

    /// <summary>Where <c>bicep format</c> left its copy of a file.</summary>
    public string FormattedPath(string bicepFile) => Path.Combine(_formatDirectory, bicepFile);

    public async Task InitializeAsync()
    {
        Bicep = BicepCli.FromPackage();
        _workDirectory = Directory.CreateTempSubdirectory("zohodsr-infra-").FullName;
        _formatDirectory = Directory.CreateTempSubdirectory("zohodsr-infra-format-").FullName;
        CopyDirectory(RepoPaths.InfraDirectory, _workDirectory);
        CopyDirectory(RepoPaths.InfraDirectory, _formatDirectory);
        BicepFiles = Directory.EnumerateFiles(_workDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_workDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        await File.WriteAllTextAsync(Path.Combine(_workDirectory, "flex.bicepparam"), FlexParameters());
        await File.WriteAllTextAsync(Path.Combine(_workDirectory, "premium.bicepparam"), PremiumParameters());

        var build = Bicep.RunAsync(_workDirectory, ["build", "--pattern", "**/*.bicep"]);
        var lint = Bicep.RunAsync(_workDirectory, ["lint", "--pattern", "**/*.bicep"]);
        var flex = Bicep.RunAsync(_workDirectory, SnapshotArguments("flex.bicepparam"));
        var premium = Bicep.RunAsync(_workDirectory, SnapshotArguments("premium.bicepparam"));
        var format = Bicep.RunAsync(_formatDirectory, ["format", "--pattern", "**/*.bicep"]);
        await Task.WhenAll(build, lint, flex, premium, format);

        BuildRun = await build;
        LintRun = await lint;
        FormatRun = await format;
        MainJson = await File.ReadAllTextAsync(CompiledPath("main.bicep"));
        Main = ArmTemplate.Parse(JsonDocument.Parse(MainJson).RootElement);
        Flex = await ReadSnapshotAsync(await flex, "flex");
        Premium = await ReadSnapshotAsync(await premium, "premium");
    }

    public Task DisposeAsync()
    {
        foreach (var directory in new[] { _workDirectory, _formatDirectory })
        {
            if (directory.Length > 0 && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return Task.CompletedTask;
    }

    private static string[] SnapshotArguments(string parametersFile) =>
    [
        "snapshot", parametersFile, "--mode", "overwrite",
        "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location,
    ];

    private async Task<DeploymentSnapshot> ReadSnapshotAsync(BicepRun run, string name)
    {
        var path = Path.Combine(_workDirectory, $"{name}.snapshot.json");
        if (run.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"The {name} snapshot failed: {run}");
        }

        return new DeploymentSnapshot(JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement);
    }

    private static string FlexParameters()
    {
        var orgs = string.Concat(SampleOrgs.Select(o => $$"""
              {
                orgId: '{{o.OrgId}}'
                dataCenter: '{{o.DataCenter}}'
                clientId: '{{o.ClientId}}'
                edition: '{{o.Edition}}'
                apiVersion: '{{o.ApiVersion}}'{{(o.UserLicenses is { } licenses ? $"\n    userLicenses: {licenses}" : string.Empty)}}
              }

            """));
        return $$"""
            using 'main.bicep'

            param environmentName = '{{EnvironmentName}}'
            param location = '{{Location}}'
            param exportRetentionDays = {{SampleRetentionDays}}
            param principalId = '{{OperatorPrincipalId}}'
            param alertEmail = '{{SampleAlertEmail}}'
            param failedRequestsAlertThreshold = {{SampleFailedRequestsThreshold}}
            param approvalWaitAlertHours = {{SampleApprovalWaitHours}}
            param dueSoonAlertDays = {{SampleDueSoonDays}}
            param creditBudgetAlertPercent = {{SampleCreditBudgetPercent}}
            param zohoOrgs = [
            {{orgs}}]

            """;
    }

    private static string PremiumParameters() => $$"""
        using 'main.bicep'

        param environmentName = '{{EnvironmentName}}'
        param location = '{{Location}}'
        param hostingPlan = 'EP1'

        """;

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

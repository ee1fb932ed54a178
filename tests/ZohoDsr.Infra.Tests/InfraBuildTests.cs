using System.Text.Json;

namespace ZohoDsr.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class InfraBuildTests(InfraFixture infra)
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.InfraDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void Build_InfraDirectory_HasMainAndEveryModule()
    {
        string[] expected =
        [
            "main.bicep",
            "modules/alerts.bicep",
            "modules/functionApp.bicep",
            "modules/identity.bicep",
            "modules/keyVault.bicep",
            "modules/monitoring.bicep",
            "modules/rbac.bicep",
            "modules/storage.bicep",
            "modules/workbook.bicep",
        ];

        Assert.Equal(expected, infra.BicepFiles);
    }

    [Fact]
    public void Build_EveryBicepFile_ExitsZeroWithoutDiagnostics()
    {
        Assert.True(infra.BuildRun.ExitCode == 0, infra.BuildRun.ToString());
        Assert.True(infra.BuildRun.Diagnostics.Count == 0, infra.BuildRun.ToString());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Build_BicepFile_WritesArmTemplate(string file)
    {
        Assert.DoesNotContain(infra.BuildRun.Diagnostics, d => d.Contains(file, StringComparison.Ordinal));
        var compiled = JsonDocument.Parse(File.ReadAllText(infra.CompiledPath(file))).RootElement;
        Assert.Contains("deploymentTemplate.json", compiled.Text("$schema"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("bicep", compiled.Text("metadata", "_generator", "name"));
    }

    [Fact]
    public void Lint_EveryBicepFile_ExitsZeroWithoutDiagnostics()
    {
        Assert.True(infra.LintRun.ExitCode == 0, infra.LintRun.ToString());
        Assert.True(infra.LintRun.Diagnostics.Count == 0, infra.LintRun.ToString());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lint_BicepFile_ReportsNothing(string file) =>
        Assert.DoesNotContain(infra.LintRun.Diagnostics, d => d.Contains(file, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Format_BicepFile_IsAlreadyFormatted(string file)
    {
        Assert.True(infra.FormatRun.ExitCode == 0, infra.FormatRun.ToString());
        Assert.Equal(
            File.ReadAllText(infra.FormattedPath(file)).ReplaceLineEndings(),
            File.ReadAllText(Path.Combine(RepoPaths.InfraDirectory, file)).ReplaceLineEndings());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Source_BicepFile_UsesNoRegistryModule(string file)
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.InfraDirectory, file));

        Assert.DoesNotContain("br/public:", source, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'br:", source, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'ts:", source, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("no-hardcoded-location")]
    [InlineData("secure-secrets-in-params")]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("use-secure-value-for-secure-inputs")]
    [InlineData("no-hardcoded-env-urls")]
    [InlineData("use-resource-id-functions")]
    public void Lint_Configuration_RaisesSecurityRuleToError(string rule)
    {
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.InfraDirectory, "bicepconfig.json"))).RootElement;

        Assert.Equal("error", config.Text("analyzers", "core", "rules", rule, "level"));
    }

    [Fact]
    public async Task Lint_FileBreakingSecurityRules_ReportsErrors()
    {
        var scratch = Directory.CreateTempSubdirectory("zohodsr-lint-").FullName;
        try
        {
            File.Copy(Path.Combine(RepoPaths.InfraDirectory, "bicepconfig.json"), Path.Combine(scratch, "bicepconfig.json"));
            await File.WriteAllTextAsync(Path.Combine(scratch, "bad.bicep"), """
                param adminPassword string = 'not-a-secret-default'

                resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
                  name: 'id-lint'
                  location: 'westeurope'
                }

                output password string = adminPassword
                output identityId string = identity.id

                """);

            var run = await infra.Bicep.RunAsync(scratch, ["lint", "bad.bicep"]);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(run.Diagnostics, d => d.Contains("Error no-hardcoded-location", StringComparison.Ordinal));
            Assert.Contains(run.Diagnostics, d => d.Contains("Error secure-secrets-in-params", StringComparison.Ordinal));
            Assert.Contains(run.Diagnostics, d => d.Contains("Error outputs-should-not-contain-secrets", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Snapshot_BothHostingPlans_EvaluateWithoutDiagnostics()
    {
        Assert.Empty(infra.Flex.Diagnostics);
        Assert.Empty(infra.Premium.Diagnostics);
        Assert.NotEmpty(infra.Flex.Resources);
        Assert.NotEmpty(infra.Premium.Resources);
    }
}

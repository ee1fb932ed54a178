using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZohoDsr.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed partial class RbacTests(InfraFixture infra)
{
    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static readonly string[] AppRoles =
    [
        $"Microsoft.Storage/storageAccounts {StorageBlobDataOwner} ServicePrincipal",
        $"Microsoft.Storage/storageAccounts {StorageQueueDataContributor} ServicePrincipal",
        $"Microsoft.Storage/storageAccounts {StorageTableDataContributor} ServicePrincipal",
        $"Microsoft.KeyVault/vaults {KeyVaultSecretsOfficer} ServicePrincipal",
        $"Microsoft.Insights/components {MonitoringMetricsPublisher} ServicePrincipal",
    ];

    [Fact]
    public void RoleAssignments_Compiled_EachScopedToOneResource()
    {
        var assignments = RoleAssignments();

        // The three storage roles are one resource looped over their ids.
        Assert.Equal(4, assignments.Count);
        Assert.Single(assignments, a => a.Find("copy") is not null);
        Assert.All(assignments, a =>
        {
            var scope = a.Find("scope")?.GetString();
            Assert.NotNull(scope);
            Assert.Matches(SingleResourceScope(), scope);
        });
    }

    [Fact]
    public void RoleAssignments_Compiled_NamedGuidOfScopePrincipalAndRole()
    {
        Assert.All(RoleAssignments(), a =>
        {
            var scope = a.Text("scope")[1..^1];
            var role = RoleDefinition().Match(a.Text("properties", "roleDefinitionId")).Groups["role"].Value;
            var principal = a.Text("properties", "principalId")[1..^1];

            Assert.Equal($"[guid({scope}, {principal}, {role})]", a.Text("name"));
        });
    }

    [Fact]
    public void RoleAssignments_Snapshot_GrantLeastPrivilegeOnEachResource()
    {
        var granted = Grants(infra.Flex);

        Assert.Equal(
            AppRoles.Append($"Microsoft.KeyVault/vaults {KeyVaultSecretsOfficer} (any)").Order(StringComparer.Ordinal),
            granted.Select(g => g.Summary).Order(StringComparer.Ordinal));
        Assert.Single(granted, g => g.PrincipalId == InfraFixture.OperatorPrincipalId);
    }

    [Fact]
    public void RoleAssignments_NoOperatorPrincipal_GrantAppRolesOnly() =>
        Assert.Equal(AppRoles.Order(StringComparer.Ordinal), Grants(infra.Premium).Select(g => g.Summary).Order(StringComparer.Ordinal));

    [Fact]
    public void RoleAssignments_Snapshot_ScopeAResourceOfThisDeployment()
    {
        var deployed = infra.Flex.Resources.Select(r => r.Text("id")).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(Grants(infra.Flex), g => Assert.Contains(g.Scope, deployed));
    }

    [Fact]
    public void RoleDefinitionIds_Source_AreCommentedVariables()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.InfraDirectory, "modules", "rbac.bicep"));

        foreach (var role in new[] { KeyVaultSecretsOfficer, StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher })
        {
            var index = Array.FindIndex(lines, l => l.StartsWith("var ", StringComparison.Ordinal) && l.Contains($"'{role}'", StringComparison.Ordinal));
            Assert.True(index > 0, $"No variable holds role {role}.");
            Assert.StartsWith("//", lines[index - 1].TrimStart(), StringComparison.Ordinal);
        }
    }

    private List<JsonElement> RoleAssignments() =>
        infra.Main.AllResources().Where(r => r.Resource.Text("type") == RoleAssignmentType).Select(r => r.Resource).ToList();

    private static List<Grant> Grants(DeploymentSnapshot snapshot) =>
        snapshot.OfType(RoleAssignmentType).Select(a =>
        {
            // Evaluated ids are plain; ids whose name needs the identity's principal id stay expressions.
            var scope = a.Text("id").StartsWith('[') ? ExtensionScope().Match(a.Text("id")) : PlainScope().Match(a.Text("id"));
            Assert.True(scope.Success, a.Text("id"));
            var role = a.Text("properties", "roleDefinitionId");
            Assert.StartsWith($"/subscriptions/{InfraFixture.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/", role, StringComparison.Ordinal);
            var principal = a.At("properties", "principalId").GetString()!;
            return new Grant(scope.Groups["scope"].Value, scope.Groups["type"].Value, role[(role.LastIndexOf('/') + 1)..], a.Find("properties", "principalType")?.GetString() ?? "(any)", principal);
        }).ToList();

    private sealed record Grant(string Scope, string ScopeType, string RoleId, string PrincipalType, string PrincipalId)
    {
        public string Summary => $"{ScopeType} {RoleId} {PrincipalType}";
    }

    // One resource of a provider namespace and one type: never resourceGroup() or subscription().
    [GeneratedRegex(@"^\[resourceId\('Microsoft\.[A-Za-z]+/[A-Za-z]+', parameters\('[A-Za-z]+'\)\)\]$")]
    private static partial Regex SingleResourceScope();

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<role>.+)\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"^(?<scope>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/(?<type>Microsoft\.[A-Za-z]+/[A-Za-z]+)/[^/]+)/providers/Microsoft\.Authorization/roleAssignments/[0-9a-f-]{36}$")]
    private static partial Regex PlainScope();

    [GeneratedRegex(@"^\[extensionResourceId\('(?<scope>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/(?<type>Microsoft\.[A-Za-z]+/[A-Za-z]+)/[^/']+)', 'Microsoft\.Authorization/roleAssignments'")]
    private static partial Regex ExtensionScope();
}

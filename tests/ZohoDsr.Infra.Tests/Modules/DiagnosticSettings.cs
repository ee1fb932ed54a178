using System.Text.Json;

namespace ZohoDsr.Infra.Tests.Modules;

/// <summary>Finds the diagnostic setting a snapshot places on one resource.</summary>
public static class DiagnosticSettings
{
    public static JsonElement On(DeploymentSnapshot snapshot, string resourceId) =>
        Assert.Single(
            snapshot.OfType("Microsoft.Insights/diagnosticSettings"),
            s => s.Text("id").StartsWith($"{resourceId}/providers/Microsoft.Insights/diagnosticSettings/", StringComparison.OrdinalIgnoreCase));
}

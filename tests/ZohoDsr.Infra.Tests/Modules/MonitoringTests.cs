namespace ZohoDsr.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed class MonitoringTests(InfraFixture infra)
{
    [Fact]
    public void ApplicationInsights_Compiled_DisablesLocalAuth() =>
        Assert.True(infra.Main.Module("monitoring").Resource("Microsoft.Insights/components").At("properties", "DisableLocalAuth").GetBoolean());

    [Fact]
    public void ApplicationInsights_Snapshot_SendsToTheWorkspace()
    {
        var properties = infra.Flex.Single("Microsoft.Insights/components").At("properties");

        Assert.True(properties.At("DisableLocalAuth").GetBoolean());
        Assert.Equal(infra.Flex.Single("Microsoft.OperationalInsights/workspaces").Text("id"), properties.Text("WorkspaceResourceId"));
    }
}

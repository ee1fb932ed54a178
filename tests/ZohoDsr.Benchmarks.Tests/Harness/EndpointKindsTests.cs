using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Tests.Harness;

public sealed class EndpointKindsTests
{
    [Theory]
    [InlineData("GET /crm/{v}/org", EndpointKind.Metadata)]
    [InlineData("GET /crm/{v}/settings/fields", EndpointKind.Metadata)]
    [InlineData("GET /crm/{v}/settings/related_lists", EndpointKind.Metadata)]
    [InlineData("POST /crm/{v}/coql", EndpointKind.Coql)]
    [InlineData("GET /crm/{v}/{module}/search", EndpointKind.Search)]
    [InlineData("GET /crm/{v}/{module}/{id}/{related_list}", EndpointKind.RelatedList)]
    [InlineData("GET /crm/{v}/{module}/{id}", EndpointKind.RecordGet)]
    [InlineData("GET /crm/{v}/{module}", EndpointKind.List)]
    [InlineData("DELETE /crm/{v}/{module}", EndpointKind.Delete)]
    [InlineData("DELETE /crm/{v}/{module}/{id}", EndpointKind.Delete)]
    [InlineData("DELETE /crm/{v}/{module}/{id}/{related_list}/{related_id}", EndpointKind.Delete)]
    [InlineData("GET /crm/{v}/{module}/deleted", EndpointKind.RecycleBin)]
    [InlineData("GET /crm/{v}/settings/recycle_bin", EndpointKind.RecycleBin)]
    [InlineData("DELETE /crm/{v}/settings/recycle_bin", EndpointKind.RecycleBin)]
    [InlineData("GET /crm/{v}/{module}/{id}/Attachments/{attachment_id}", EndpointKind.Other)]
    public void Classify_SimulatorEndpoint_IsItsKind(string endpoint, EndpointKind expected)
        => Assert.Equal(expected, EndpointKinds.Classify(endpoint));

    [Theory]
    [InlineData("GET /crm/{v}/{module}", 1)]
    [InlineData("DELETE /crm/{v}/{module}", 1)]
    [InlineData("GET /crm/{v}/{module}/deleted", 2)]
    [InlineData("POST /crm/{v}/coql", null)]
    public void CreditsPerCall_Endpoint_FollowsTheCreditTable(string endpoint, int? expected)
        => Assert.Equal(expected, EndpointKinds.CreditsPerCall(endpoint));
}

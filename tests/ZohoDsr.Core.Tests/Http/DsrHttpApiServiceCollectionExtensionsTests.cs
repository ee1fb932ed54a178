using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Http;

public sealed class DsrHttpApiServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDsrHttpApi_HostWithInstanceClient_ResolvesTheApi()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(DsrCoreServiceCollectionExtensionsTests.BlobSettings).Build());
        services.AddLogging();
        services.AddSingleton(Mock.Of<IDsrInstanceClient>());

        services.AddZohoDsrCore().AddDsrHttpApi();

        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.NotNull(provider.GetRequiredService<DsrHttpApi>());
    }
}

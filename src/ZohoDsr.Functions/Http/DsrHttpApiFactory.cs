using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Functions.Http;

/// <summary>
/// Makes a <see cref="DsrHttpApi"/> over one invocation's engine: the Durable client is a binding of each HTTP function,
/// so the API is made per call around it.
/// </summary>
public sealed class DsrHttpApiFactory(
    IOptions<DsrOptions> options,
    IOptions<ZohoCrmClientOptions> zohoOptions,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public DsrHttpApi Create(IDsrInstanceClient instances)
        => new(instances, options, zohoOptions, timeProvider, loggerFactory.CreateLogger<DsrHttpApi>());

    internal ILogger CreateLogger<T>() => loggerFactory.CreateLogger<T>();
}

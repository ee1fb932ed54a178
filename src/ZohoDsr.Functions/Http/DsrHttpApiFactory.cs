using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Functions.Http;

/// <summary>
/// Makes a <see cref="DsrHttpApi"/> over one invocation's engine: the Durable client is a binding of each HTTP function,
/// so the API is made per call around it; the gate (with its replay memory) and the records are the app's singletons.
/// </summary>
public sealed class DsrHttpApiFactory(
    DsrRequestGate gate,
    DsrRequestRecords records,
    IOptions<DsrOptions> options,
    IOptions<ZohoCrmClientOptions> zohoOptions,
    IOptions<DeadlineOptions> deadlineOptions,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    DsrMetrics? metrics = null)
{
    public DsrHttpApi Create(IDsrInstanceClient instances)
        => new(instances, gate, records, options, zohoOptions, deadlineOptions, timeProvider, loggerFactory.CreateLogger<DsrHttpApi>(), metrics);

    internal ILogger CreateLogger<T>() => loggerFactory.CreateLogger<T>();
}

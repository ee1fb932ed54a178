using ZohoDsr.Core.Http;
using ZohoDsr.Local.Engine;

namespace ZohoDsr.Local.Apis;

/// <summary>What Durable's management routes need, bound as one parameter.</summary>
public sealed class ManagementServices(IDsrInstanceClient instances, IDurableInstanceAdmin admin, DsrRequestGate gate, DsrRequestRecords records, TimeProvider timeProvider)
{
    public IDsrInstanceClient Instances { get; } = instances;

    public IDurableInstanceAdmin Admin { get; } = admin;

    public DsrRequestGate Gate { get; } = gate;

    public DsrRequestRecords Records { get; } = records;

    public TimeProvider TimeProvider { get; } = timeProvider;
}

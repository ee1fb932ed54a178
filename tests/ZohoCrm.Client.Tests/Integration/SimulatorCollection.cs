namespace ZohoCrm.Client.Tests.Integration;

/// <summary>The integration tests share one simulator.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Simulator";
}

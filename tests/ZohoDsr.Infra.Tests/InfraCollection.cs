namespace ZohoDsr.Infra.Tests;

/// <summary>Every infra test class shares one <see cref="InfraFixture"/>: the Bicep CLI runs once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<InfraFixture>
{
    public const string Name = "Infra";
}

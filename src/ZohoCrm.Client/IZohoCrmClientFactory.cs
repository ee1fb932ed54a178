namespace ZohoCrm.Client;

/// <summary>Gives the <see cref="ZohoCrmClient"/> of a configured org.</summary>
public interface IZohoCrmClientFactory
{
    /// <summary>The client of <paramref name="orgId"/>; throws <see cref="ArgumentException"/> naming the org when it is not configured.</summary>
    ZohoCrmClient GetClient(string orgId);
}

namespace ZohoCrm.Simulator.Model;

/// <summary>A lookup value <c>{"name","id"}</c> (users also carry an email, written on v3+).</summary>
internal sealed class LookupRef(long id, string name, string? email = null)
{
    public long Id { get; } = id;

    public string Name { get; } = name;

    public string? Email { get; } = email;
}

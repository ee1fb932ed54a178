using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Tests.Storage;

public sealed class EmailIndexTests
{
    private static SimRecord Record(long id) => new(Schemas.ByName["Leads"], id, 0, 0, new object?[Schemas.ByName["Leads"].SlotCount]);

    [Fact]
    public void Contains_TrigramLookup_FindsSubstringsOnly()
    {
        var index = new EmailIndex();
        var exact = Record(1);
        var superstring = Record(2);
        var other = Record(3);
        index.Add(" Jane@Example.com ", exact);
        index.Add("xjane@example.com.evil", superstring);
        index.Add("jane+x@example.com", other);

        var found = new List<SimRecord>();
        index.Contains("jane@example.com", found);
        var exactFound = new List<SimRecord>();
        index.Exact("jane@example.com", exactFound);
        var prefix = new List<SimRecord>();
        index.StartsWith("ja", prefix);

        Assert.Equal([1L, 2L], found.Select(r => r.Id).Order());
        Assert.Equal([1L], exactFound.Select(r => r.Id));
        Assert.Equal([1L, 3L], prefix.Select(r => r.Id).Order());
    }
}

using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Tests.Storage;

public sealed class ModuleStoreTests
{
    private static SimRecord Record(long id)
    {
        var schema = Schemas.ByName[Schemas.Contacts];
        return new SimRecord(schema, id, 0, 0, new object?[schema.SlotCount]);
    }

    [Fact]
    public void Add_OutOfIdOrder_PagesInIdOrder()
    {
        var store = new ModuleStore(Schemas.ByName[Schemas.Contacts], new bool[Schemas.ByName[Schemas.Contacts].Fields.Count]);

        store.Add(Record(10));
        store.Add(Record(30));
        store.Add(Record(20));

        Assert.Equal([10L, 20L, 30L], store.Page(null, 0, 10, descending: false, out _).Select(r => r.Id));
        Assert.Equal([30L], store.PageFrom(20, null, 0, 10, descending: false, out _).Select(r => r.Id));
        Assert.Throws<InvalidOperationException>(() => store.Add(Record(20)));
    }
}

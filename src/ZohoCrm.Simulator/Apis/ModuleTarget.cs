using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Apis;

/// <summary>A module named in a path: a stored module, or the Activities pseudo-module over Calls, Tasks and Events.</summary>
internal sealed record ModuleTarget(ModuleSchema Schema, ModuleStore? Store, IReadOnlyList<ModuleStore> Stores)
{
    public static readonly string[] ActivityModules = [Model.Schemas.Calls, Model.Schemas.Tasks, Model.Schemas.Events];

    public bool IsActivities => Store is null;

    public IReadOnlyList<ModuleSchema> AllSchemas => IsActivities ? [Schema, .. Stores.Select(s => s.Schema)] : [Schema];

    public static ModuleTarget? Resolve(CrmContext ctx, string name)
    {
        if (ctx.Org.TryGetStore(name, out var store))
        {
            return new ModuleTarget(store.Schema, store, [store]);
        }

        var comparison = ctx.Options.ModuleNamesCaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (string.Equals(name, Model.Schemas.Activities, comparison))
        {
            return new ModuleTarget(Model.Schemas.ByName[Model.Schemas.Activities], null, [.. ActivityModules.Select(ctx.Org.Store)]);
        }

        return null;
    }
}

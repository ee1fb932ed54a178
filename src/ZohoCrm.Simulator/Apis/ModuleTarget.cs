using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Apis;

/// <summary>A module named in a path: a stored module, or the Activities pseudo-module over Calls, Tasks and Events.</summary>
internal sealed record ModuleTarget(ModuleSchema Schema, ModuleStore? Store, IReadOnlyList<ModuleStore> Stores)
{
    public static readonly string[] ActivityModules = [Model.Schemas.Calls, Model.Schemas.Tasks, Model.Schemas.Events];

    public bool IsActivities => Store is null;

    public IReadOnlyList<ModuleSchema> AllSchemas => IsActivities ? [Schema, .. Stores.Select(s => s.Schema)] : [Schema];

    /// <summary>
    /// The path's <c>{module}</c>, checked as Zoho checks it before anything else: an unknown module (or the Activities
    /// pseudo-module where only a stored module will do) answers <c>INVALID_MODULE</c>, a token without the module's
    /// <paramref name="action"/> scope answers <c>OAUTH_SCOPE_MISMATCH</c>; null when an error was written.
    /// </summary>
    public static async Task<ModuleTarget?> AuthorizeAsync(CrmContext ctx, string action, bool storedOnly = false)
    {
        var target = Resolve(ctx, ctx.Route("module"));
        if (target is null || (storedOnly && target.Store is null))
        {
            await ZohoResponses.InvalidModuleAsync(ctx.Http);
            return null;
        }

        if (!ctx.Scopes.HasModule(target.Schema.ScopeName, action))
        {
            await ZohoResponses.ScopeMismatchAsync(ctx.Http);
            return null;
        }

        return target;
    }

    public static ModuleTarget? Resolve(CrmContext ctx, string name)
    {
        if (ctx.Org.TryGetStore(name, out var store) && !store.Schema.IsRelatedOnly)
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

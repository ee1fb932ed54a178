using Microsoft.Extensions.DependencyInjection;

namespace ZohoDsr.Core;

/// <summary>Registers the product's logic for either host.</summary>
public static class DsrCoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="Configuration.DsrOptions"/> (section <c>ZohoDsr</c>), adds the Zoho client
    /// (<c>AddZohoCrmClient</c>), every activity handler, the activity dispatcher used by the in-process engine, the
    /// <see cref="Http.DsrHttpApi"/>, and the export store chosen by <c>ZohoDsr:Exports:Kind</c>.
    /// The host registers its <see cref="Http.IDsrInstanceClient"/> and, optionally, its own token store.
    /// </summary>
    public static IServiceCollection AddZohoDsrCore(this IServiceCollection services) => throw new NotImplementedException();
}

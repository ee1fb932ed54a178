using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Engine;

/// <summary>
/// Runs each activity of <see cref="ActivityNames"/> on its handler from DI (a fresh handler per call). An input of
/// another type (a <see cref="JsonElement"/>, or a record that went through serialisation) is converted with
/// <see cref="DsrJson.Options"/>, as Durable's activity triggers would.
/// </summary>
public sealed class ActivityDispatcher(IServiceProvider services) : IActivityDispatcher
{
    public async Task<object?> DispatchAsync(string name, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(input);
        return name switch
        {
            ActivityNames.ResolveOrg => await Handler<ResolveOrgHandler>().HandleAsync(As<ResolveOrgInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.FindInModule => await Handler<FindInModuleHandler>().HandleAsync(As<FindInModuleInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.FindRelated => await Handler<FindRelatedHandler>().HandleAsync(As<FindRelatedInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.ExportRecords => await Handler<ExportRecordsHandler>().HandleAsync(As<ExportRecordsInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.FinalizeExport => await Handler<FinalizeExportHandler>().HandleAsync(As<FinalizeExportInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.DeleteBatch => await Handler<DeleteBatchHandler>().HandleAsync(As<DeleteBatchInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.VerifyDeleted => await Handler<VerifyDeletedHandler>().HandleAsync(As<VerifyDeletedInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.PurgeRecycleBin => await Handler<PurgeRecycleBinHandler>().HandleAsync(As<PurgeRecycleBinInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.WriteAudit => await Handler<WriteAuditHandler>().HandleAsync(As<WriteAuditInput>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.SendCallback => await Handler<SendCallbackHandler>().HandleAsync(As<SendCallbackInput>(input), cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"Unknown activity '{name}'.", nameof(name)),
        };
    }

    private T Handler<T>()
        where T : notnull => services.GetRequiredService<T>();

    private static T As<T>(object input) => input switch
    {
        T typed => typed,
        JsonElement element => element.Deserialize<T>(DsrJson.Options) ?? throw new ArgumentException($"The input is not a {typeof(T).Name}.", nameof(input)),
        _ => JsonSerializer.SerializeToElement(input, input.GetType(), DsrJson.Options).Deserialize<T>(DsrJson.Options)
            ?? throw new ArgumentException($"The input is not a {typeof(T).Name}.", nameof(input)),
    };
}

using DurableTask.Core.Entities;
using DurableTask.Core.Entities.OperationFormat;
using Microsoft.DurableTask.Entities;
using Microsoft.DurableTask.Worker.Shims;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// An <c>[EntityTrigger]</c> function's entity class as a Durable Task Framework entity. The framework asks for an entity
/// by name only, while the SDK's shim is made for one entity instance: so the shim is made per batch, from the batch's
/// instance id (<c>@name@key</c>), over a fresh instance of the entity class.
/// </summary>
internal sealed class FunctionEntity(DurableFunction function, IServiceProvider services, DurableTaskShimFactory shims) : TaskEntity
{
    public override async Task<EntityBatchResult> ExecuteOperationBatchAsync(EntityBatchRequest operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        AsyncServiceScope scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var entity = (ITaskEntity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
            TaskEntity shim = shims.CreateEntity(function.Name, entity, EntityId.FromString(operations.InstanceId!));
            return await shim.ExecuteOperationBatchAsync(operations).ConfigureAwait(false);
        }
    }
}

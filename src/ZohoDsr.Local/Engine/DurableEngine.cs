using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Entities;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// The Durable Task Framework running the Functions app's durable functions, the engine Azure runs them on: a
/// <see cref="TaskHubWorker"/> over <see cref="AzureStorageOrchestrationService"/> (Durable Task Framework and its Azure
/// Storage provider, the versions the published app ships), with the SDK's <see cref="DurableTaskShimFactory"/> turning
/// the app's orchestrator, activities and entities into work items, and a <see cref="TaskHubClient"/> for everything a
/// host asks of an instance. State lives in the Storage account: a process that dies loses nothing; the next one on the
/// same account and task hub resumes every instance from its history.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    private readonly TaskHubWorker _worker;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private int _stopped;

    private DurableEngine(DurableEngineOptions options, AzureStorageOrchestrationService service, TaskHubWorker worker, JsonDataConverter converter, CancellationTokenSource stopping, ILoggerFactory loggerFactory)
    {
        Options = options;
        Service = service;
        _worker = worker;
        DataConverter = converter;
        _stopping = stopping;
        _logger = loggerFactory.CreateLogger<DurableEngine>();
        Client = new TaskHubClient(service, new SystemTextJsonDataConverter(converter), loggerFactory);
    }

    public DurableEngineOptions Options { get; }

    /// <summary>The provider: instance queries, purge, the task hub itself.</summary>
    public AzureStorageOrchestrationService Service { get; }

    /// <summary>Start, raise events, terminate, suspend, resume.</summary>
    public TaskHubClient Client { get; }

    /// <summary>The serialiser of inputs, outputs, custom status and entity state (the worker's and the client's).</summary>
    public JsonDataConverter DataConverter { get; }

    /// <summary>
    /// Creates the task hub if needed (queues, tables, containers), registers <paramref name="functions"/> and starts the
    /// worker. Activities and entities get their classes from <paramref name="services"/>.
    /// </summary>
    public static async Task<DurableEngine> StartAsync(
        DurableEngineOptions options,
        IReadOnlyList<DurableFunction> functions,
        IServiceProvider services,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseInterval / 3,
            LeaseAcquireInterval = options.LeaseInterval / 3,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskEntityWorkItems = options.MaxConcurrentEntities,
            UseSeparateQueueForEntityWorkItems = true, // the SDK's entities need their own dispatch
            UseTablePartitionManagement = true, // as the Durable extension (3.x) does
            WorkerId = options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory,
        });

        var stopping = new CancellationTokenSource();
        try
        {
            await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var converter = new JsonDataConverter(options.SerializerOptions);
            var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { EnableEntitySupport = true, DataConverter = converter }, loggerFactory);
            var worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
            Register(worker, functions, services, shims, stopping.Token);
            await worker.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var engine = new DurableEngine(options, service, worker, converter, stopping, loggerFactory);
            Log.EngineStarted(engine._logger, functions.Count);
            return engine;
        }
        catch
        {
            stopping.Dispose();
            service.Dispose();
            throw;
        }
    }

    /// <summary>Instances of <see cref="OrchestrationNames.DsrOrchestration"/> not yet finished (pending, running, suspended).</summary>
    public async Task<IReadOnlyList<OrchestrationState>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        var states = new List<OrchestrationState>();
        string? continuation = null;
        do
        {
            DurableStatusQueryResult page = await Service.GetOrchestrationStateAsync(
                new DurableTask.AzureStorage.Tracking.OrchestrationInstanceStatusQueryCondition
                {
                    RuntimeStatus = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended],
                    FetchInput = false,
                },
                top: 100,
                continuation,
                cancellationToken).ConfigureAwait(false);
            states.AddRange(page.OrchestrationState.Where(s => s.Name == OrchestrationNames.DsrOrchestration));
            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return states;
    }

    /// <summary>An entity's state (<typeparamref name="T"/>), or default when the entity has none.</summary>
    public async Task<T?> GetEntityStateAsync<T>(string entityName, string key, CancellationToken cancellationToken)
    {
        EntityBackendQueries queries = ((IEntityOrchestrationService)Service).EntityBackendQueries
            ?? throw new InvalidOperationException("The storage provider does not support entity queries.");
        EntityBackendQueries.EntityMetadata? entity = await queries.GetEntityAsync(
            new EntityId(entityName.ToLowerInvariant(), key), includeState: true, includeStateless: false, cancellationToken).ConfigureAwait(false);
        return entity?.SerializedState is { } state ? JsonSerializer.Deserialize<T>(state, Options.SerializerOptions) : default;
    }

    /// <summary>Deletes the task hub's queues, tables and containers (every instance with them).</summary>
    public Task DeleteTaskHubAsync() => Service.DeleteAsync();

    /// <summary>
    /// Stops taking work and waits for the work items in hand to finish or be abandoned; instances not finished stay in
    /// the Storage account and resume on the next start. A stopped engine cannot be started again: start a new one.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _worker.StopAsync(isForced: true).ConfigureAwait(false);
        Log.EngineStopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _worker.Dispose();
        Service.Dispose();
        _stopping.Dispose();
    }

    private static void Register(TaskHubWorker worker, IReadOnlyList<DurableFunction> functions, IServiceProvider services, DurableTaskShimFactory shims, CancellationToken stopping)
    {
        foreach (DurableFunction function in functions)
        {
            switch (function.Kind)
            {
                case DurableFunctionKind.Orchestration:
                    worker.AddTaskOrchestrations(new DelegateObjectCreator<TaskOrchestration>(
                        function.Name, () => shims.CreateOrchestration(function.Name, new FunctionOrchestrator(function, services))));
                    break;
                case DurableFunctionKind.Activity:
                    worker.AddTaskActivities(new DelegateObjectCreator<TaskActivity>(
                        function.Name, () => shims.CreateActivity(function.Name, new FunctionActivity(function, services, stopping))));
                    break;
                case DurableFunctionKind.Entity:
                    // Entity instance ids carry the name in lower case (@orgrategate@key): register it that way.
                    worker.AddTaskEntities(new DelegateObjectCreator<DurableTask.Core.Entities.TaskEntity>(
                        function.Name.ToLowerInvariant(), () => new FunctionEntity(function, services, shims)));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown durable function kind {function.Kind}.");
            }
        }
    }
}

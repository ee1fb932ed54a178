using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// <see cref="IDsrInstanceClient"/> over the Durable Task Framework's <see cref="TaskHubClient"/> and the Azure Storage
/// provider: one orchestration instance per request, its input, custom status (progress) and output, read from the task
/// hub, so every process on the hub sees the same state.
/// </summary>
public sealed class TaskHubInstanceClient(DurableEngine engine, ILogger<TaskHubInstanceClient> logger) : IDsrInstanceClient, IDurableInstanceAdmin
{
    /// <summary>Where Durable's HTTP API lives on a host (the check-status payload's URIs).</summary>
    public const string DurableInstancesPath = "/runtime/webhooks/durabletask/instances/";

    /// <summary>
    /// A start never replaces an instance, whatever its state: racing duplicate webhooks, or a repeat after the first run
    /// finished, find the instance there and start nothing (host.json lets Azure replace only finished ones; locally
    /// there is no reason to).
    /// </summary>
    private static readonly OrchestrationStatus[] DedupeStatuses = Enum.GetValues<OrchestrationStatus>();

    public async Task<DsrInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        IList<OrchestrationState> states = await engine.Service
            .GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        return states.FirstOrDefault(s => s is not null) is { } state ? ToDsrState(state) : null;
    }

    /// <summary>
    /// One page of the provider's instance table (<c>AzureStorageOrchestrationService.GetOrchestrationStateAsync</c> with a query condition)
    /// over the DSR instances, inputs and outputs included.
    /// </summary>
    public async Task<DsrInstancePage> ListAsync(DsrInstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var condition = new DurableTask.AzureStorage.Tracking.OrchestrationInstanceStatusQueryCondition
        {
            InstanceIdPrefix = DsrInstanceId.Prefix,
            RuntimeStatus = query.RuntimeStatuses is { Count: > 0 } statuses ? [.. statuses.SelectMany(EngineStatuses)] : null,
            FetchInput = true,
            FetchOutput = true,
            ExcludeEntities = true,
        };
        DurableTask.AzureStorage.DurableStatusQueryResult page = await engine.Service
            .GetOrchestrationStateAsync(condition, query.PageSize, query.ContinuationToken, cancellationToken).ConfigureAwait(false);
        return new DsrInstancePage(
            [.. page.OrchestrationState.Where(s => s.Name == OrchestrationNames.DsrOrchestration).Select(ToDsrState)],
            string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
    }

    public async Task StartAsync(string instanceId, DsrOrchestrationInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await engine.Client.CreateOrchestrationInstanceAsync(
                OrchestrationNames.DsrOrchestration, string.Empty, instanceId, input, tags: null, DedupeStatuses).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            Log.InstanceAlreadyExists(logger, instanceId);
        }
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken)
        => engine.Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload).WaitAsync(cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
        => engine.Client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason).WaitAsync(cancellationToken);

    /// <summary>
    /// Durable's management URIs on the request's scheme and host (<c>/runtime/webhooks/durabletask/instances/{id}</c> with
    /// <c>raiseEvent/{eventName}</c>, <c>terminate?reason={text}</c>, <c>suspend</c>, <c>resume</c>, purge by DELETE), and
    /// our <c>/api/dsr/{requestId}?orgId=</c>.
    /// </summary>
    public DsrManagementUris GetManagementUris(string instanceId, string requestId, string orgId, Uri requestUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ArgumentNullException.ThrowIfNull(requestUrl);
        if (!requestUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URL must be absolute.", nameof(requestUrl));
        }

        string root = requestUrl.GetLeftPart(UriPartial.Authority);
        string instance = root + DurableInstancesPath + Uri.EscapeDataString(instanceId);
        return new DsrManagementUris
        {
            Id = instanceId,
            StatusQueryGetUri = instance,
            SendEventPostUri = instance + "/raiseEvent/{eventName}",
            TerminatePostUri = instance + "/terminate?reason={text}",
            PurgeHistoryDeleteUri = instance,
            SuspendPostUri = instance + "/suspend?reason={text}",
            ResumePostUri = instance + "/resume?reason={text}",
            StatusUri = $"{root}/api/{DsrRoutes.Submit}/{Uri.EscapeDataString(requestId)}?orgId={Uri.EscapeDataString(orgId)}",
        };
    }

    public Task SuspendAsync(string instanceId, string reason, CancellationToken cancellationToken)
        => engine.Client.SuspendInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason).WaitAsync(cancellationToken);

    public Task ResumeAsync(string instanceId, string reason, CancellationToken cancellationToken)
        => engine.Client.ResumeInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason).WaitAsync(cancellationToken);

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        DurableTask.AzureStorage.PurgeHistoryResult result = await engine.Service.PurgeInstanceHistoryAsync(instanceId).WaitAsync(cancellationToken).ConfigureAwait(false);
        return result.InstancesDeleted > 0;
    }

    private static IEnumerable<OrchestrationStatus> EngineStatuses(DsrRuntimeStatus status) => status switch
    {
        DsrRuntimeStatus.Pending => [OrchestrationStatus.Pending],
        DsrRuntimeStatus.Completed => [OrchestrationStatus.Completed],
        DsrRuntimeStatus.Failed => [OrchestrationStatus.Failed],
        DsrRuntimeStatus.Terminated => [OrchestrationStatus.Terminated, OrchestrationStatus.Canceled],
        DsrRuntimeStatus.Suspended => [OrchestrationStatus.Suspended],
        _ => [OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew],
    };

    internal static DsrRuntimeStatus MapStatus(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => DsrRuntimeStatus.Pending,
        OrchestrationStatus.Completed => DsrRuntimeStatus.Completed,
        OrchestrationStatus.Failed => DsrRuntimeStatus.Failed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => DsrRuntimeStatus.Terminated,
        OrchestrationStatus.Suspended => DsrRuntimeStatus.Suspended,
        _ => DsrRuntimeStatus.Running,
    };

    private DsrInstanceState ToDsrState(OrchestrationState state)
    {
        DsrRuntimeStatus status = MapStatus(state.OrchestrationStatus);
        string instanceId = state.OrchestrationInstance.InstanceId;
        DateTimeOffset created = new(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc));
        DateTimeOffset updated = new(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc));
        string? failure = status switch
        {
            DsrRuntimeStatus.Failed => state.FailureDetails?.ErrorMessage ?? FailureText(state.Output),
            DsrRuntimeStatus.Terminated => TerminationReason(state.Output),
            _ => null,
        };

        try
        {
            return new DsrInstanceState(
                instanceId,
                status,
                Read<DsrOrchestrationInput>(state.Input),
                Read<DsrProgress>(state.Status),
                status == DsrRuntimeStatus.Completed ? Read<DsrResult>(state.Output) : null,
                created,
                updated,
                failure);
        }
        catch (JsonException)
        {
            // Not logged: the exception's message may quote the stored JSON, the subject's email with it.
            Log.UnreadableInstance(logger, instanceId, status);
            return new DsrInstanceState(instanceId, status, null, null, null, created, updated, failure);
        }
    }

    private T? Read<T>(string? json) where T : class
        => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, engine.Options.SerializerOptions);

    /// <summary>A failure the framework itself recorded (a non-deterministic replay, say) carries its text as the output.</summary>
    private static string FailureText(string? output) => string.IsNullOrWhiteSpace(output) ? "The orchestration failed." : TerminationReason(output);

    /// <summary>The reason given to terminate: the framework keeps it as given (plain text or a JSON string).</summary>
    private static string TerminationReason(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return "Terminated.";
        }

        if (output.StartsWith('"'))
        {
            try
            {
                return JsonSerializer.Deserialize<string>(output) ?? "Terminated.";
            }
            catch (JsonException)
            {
                return output;
            }
        }

        return output;
    }
}

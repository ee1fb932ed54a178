using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Functions.Http;

/// <summary>
/// <see cref="IDsrInstanceClient"/> over Durable's <see cref="DurableTaskClient"/> (the <c>[DurableClient]</c> binding of an
/// HTTP function): one orchestration instance per request, its input, custom status (progress) and output.
/// </summary>
public sealed class DurableTaskClientInstanceClient(DurableTaskClient client, HttpRequestData? request, ILogger logger) : IDsrInstanceClient
{
    public async Task<DsrInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return metadata is null ? null : ToState(metadata);
    }

    /// <summary>One page of <see cref="DurableTaskClient.GetAllInstancesAsync"/> over the DSR instances, inputs and outputs included.</summary>
    public async Task<DsrInstancePage> ListAsync(DsrInstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new OrchestrationQuery
        {
            InstanceIdPrefix = DsrInstanceId.Prefix,
            Statuses = query.RuntimeStatuses is { Count: > 0 } statuses ? [.. statuses.SelectMany(RuntimeStatuses)] : null,
            PageSize = query.PageSize,
            ContinuationToken = query.ContinuationToken,
            FetchInputsAndOutputs = true,
        };
        await foreach (Page<OrchestrationMetadata> page in client.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return new DsrInstancePage(
                [.. page.Values.Where(m => m.Name == OrchestrationNames.DsrOrchestration).Select(ToState)],
                string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new DsrInstancePage([], null);
    }

    public Task StartAsync(string instanceId, DsrOrchestrationInput input, CancellationToken cancellationToken)
        => client.ScheduleNewOrchestrationInstanceAsync(
            OrchestrationNames.DsrOrchestration, input, new StartOrchestrationOptions(instanceId), cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken)
        => client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
        => client.TerminateInstanceAsync(instanceId, output: reason, cancellationToken);

    public DsrManagementUris GetManagementUris(string instanceId, string requestId, string orgId, Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        ArgumentNullException.ThrowIfNull(request); // made without a request (the metrics timer), it has no URLs to give
        HttpManagementPayload payload = client.CreateHttpManagementPayload(instanceId, request);
        return new DsrManagementUris
        {
            Id = payload.Id ?? instanceId,
            StatusQueryGetUri = payload.StatusQueryGetUri,
            SendEventPostUri = payload.SendEventPostUri,
            TerminatePostUri = payload.TerminatePostUri,
            PurgeHistoryDeleteUri = payload.PurgeHistoryDeleteUri,
            SuspendPostUri = payload.SuspendPostUri,
            ResumePostUri = payload.ResumePostUri,
            StatusUri = StatusUri(requestUrl, requestId, orgId),
        };
    }

    /// <summary>Our status route for a request: <c>{scheme://host}/api/dsr/{requestId}?orgId={orgId}</c>.</summary>
    internal static string StatusUri(Uri requestUrl, string requestId, string orgId)
        => $"{requestUrl.GetLeftPart(UriPartial.Authority)}/api/{DsrRoutes.Request.Replace("{requestId}", Uri.EscapeDataString(requestId), StringComparison.Ordinal)}"
            + $"?orgId={Uri.EscapeDataString(orgId)}";

    private DsrInstanceState ToState(OrchestrationMetadata metadata)
    {
        DsrRuntimeStatus status = MapStatus(metadata.RuntimeStatus);
        try
        {
            return new DsrInstanceState(
                metadata.InstanceId,
                status,
                metadata.ReadInputAs<DsrOrchestrationInput>(),
                metadata.ReadCustomStatusAs<DsrProgress>(),
                status == DsrRuntimeStatus.Completed ? metadata.ReadOutputAs<DsrResult>() : null,
                metadata.CreatedAt,
                metadata.LastUpdatedAt,
                FailureMessage(metadata, status));
        }
        catch (JsonException e)
        {
            Log.UnreadableInstance(logger, e, metadata.InstanceId, status);
            return new DsrInstanceState(
                metadata.InstanceId, status, null, null, null, metadata.CreatedAt, metadata.LastUpdatedAt, FailureMessage(metadata, status));
        }
    }

    private static IEnumerable<OrchestrationRuntimeStatus> RuntimeStatuses(DsrRuntimeStatus status) => status switch
    {
        DsrRuntimeStatus.Pending => [OrchestrationRuntimeStatus.Pending],
        DsrRuntimeStatus.Completed => [OrchestrationRuntimeStatus.Completed],
        DsrRuntimeStatus.Failed => [OrchestrationRuntimeStatus.Failed],
        DsrRuntimeStatus.Terminated => [OrchestrationRuntimeStatus.Terminated],
        DsrRuntimeStatus.Suspended => [OrchestrationRuntimeStatus.Suspended],
        _ => [OrchestrationRuntimeStatus.Running],
    };

    internal static DsrRuntimeStatus MapStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => DsrRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Completed => DsrRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed => DsrRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => DsrRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Suspended => DsrRuntimeStatus.Suspended,
#pragma warning disable CS0618 // statuses the runtime no longer reports, mapped for completeness
        OrchestrationRuntimeStatus.Canceled => DsrRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.ContinuedAsNew => DsrRuntimeStatus.Running,
#pragma warning restore CS0618
        _ => DsrRuntimeStatus.Running,
    };

    private static string? FailureMessage(OrchestrationMetadata metadata, DsrRuntimeStatus status) => status switch
    {
        DsrRuntimeStatus.Failed => metadata.FailureDetails?.ErrorMessage ?? "The orchestration failed.",
        DsrRuntimeStatus.Terminated => ReadTerminationReason(metadata),
        _ => null,
    };

    private static string ReadTerminationReason(OrchestrationMetadata metadata)
    {
        try
        {
            return metadata.ReadOutputAs<string>() ?? "Terminated.";
        }
        catch (JsonException)
        {
            return "Terminated.";
        }
    }
}

using System.Text.Json;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Local.Engine;

namespace ZohoDsr.Local.Apis;

/// <summary>
/// The management routes the check-status payload points at (Durable's <c>runtime/webhooks/durabletask</c> HTTP API),
/// served by the Durable Task engine: status, raise event, terminate, suspend, resume, purge.
/// </summary>
public static class DurableManagementApi
{
    public const string Prefix = "runtime/webhooks/durabletask/instances";

    public static IEndpointRouteBuilder MapDurableManagementApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup(Prefix);
        group.AddEndpointFilter(RequestBody.LimitAsync);
        group.MapGet("{instanceId}", GetStatusAsync).WithName("DurableGetStatus");
        group.MapPost("{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithName("DurableRaiseEvent");
        group.MapPost("{instanceId}/terminate", TerminateAsync).WithName("DurableTerminate");
        group.MapPost("{instanceId}/suspend", SuspendAsync).WithName("DurableSuspend");
        group.MapPost("{instanceId}/resume", ResumeAsync).WithName("DurableResume");
        group.MapDelete("{instanceId}", PurgeAsync).WithName("DurablePurgeHistory");
        return app;
    }

    /// <summary>202 while pending or running, 200 completed, 400 failed or terminated, 404 unknown (as Durable answers).</summary>
    public static async Task<IResult> GetStatusAsync(string instanceId, IDsrInstanceClient instances, CancellationToken cancellationToken)
    {
        DsrInstanceState? state = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return TypedResults.NotFound();
        }

        var status = new DurableInstanceStatus(
            OrchestrationNames.DsrOrchestration,
            state.InstanceId,
            state.RuntimeStatus.ToString(),
            state.Progress,
            state.Output,
            state.CreatedAt,
            state.LastUpdatedAt);
        int code = state.RuntimeStatus switch
        {
            DsrRuntimeStatus.Completed => StatusCodes.Status200OK,
            DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status202Accepted,
        };
        return TypedResults.Json(status, DsrJson.Options, statusCode: code);
    }

    /// <summary>202 raised, 404 unknown instance, 410 already finished, 400 unreadable payload.</summary>
    public static async Task<IResult> RaiseEventAsync(string instanceId, string eventName, HttpRequest request, IDsrInstanceClient instances, CancellationToken cancellationToken)
    {
        IResult? refusal = await RefuseUnlessRunningAsync(instanceId, instances, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        ReadOnlyMemory<byte> body = await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        object payload;
        try
        {
            payload = string.Equals(eventName, EventNames.Approval, StringComparison.OrdinalIgnoreCase)
                ? JsonSerializer.Deserialize<ApprovalDecision>(body.Span, DsrJson.Options) ?? throw new JsonException("The event payload is null.")
                : body.IsEmpty ? new object() : JsonSerializer.Deserialize<JsonElement>(body.Span, DsrJson.Options);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(
                title: "The event payload is not valid JSON.",
                detail: $"Line {ex.LineNumber}, position {ex.BytePositionInLine}: {ex.Message}",
                statusCode: StatusCodes.Status400BadRequest);
        }

        string name = string.Equals(eventName, EventNames.Approval, StringComparison.OrdinalIgnoreCase) ? EventNames.Approval : eventName;
        await instances.RaiseEventAsync(instanceId, name, payload, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>202 terminated, 404 unknown instance, 410 already finished.</summary>
    public static async Task<IResult> TerminateAsync(string instanceId, string? reason, IDsrInstanceClient instances, CancellationToken cancellationToken)
    {
        IResult? refusal = await RefuseUnlessRunningAsync(instanceId, instances, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        await instances.TerminateAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? "Terminated through the management API." : reason, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>202 suspended, 404 unknown instance, 410 already finished.</summary>
    public static async Task<IResult> SuspendAsync(string instanceId, string? reason, IDsrInstanceClient instances, IDurableInstanceAdmin admin, CancellationToken cancellationToken)
    {
        IResult? refusal = await RefuseUnlessRunningAsync(instanceId, instances, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        await admin.SuspendAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? "Suspended through the management API." : reason, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>202 resumed, 404 unknown instance, 410 already finished.</summary>
    public static async Task<IResult> ResumeAsync(string instanceId, string? reason, IDsrInstanceClient instances, IDurableInstanceAdmin admin, CancellationToken cancellationToken)
    {
        IResult? refusal = await RefuseUnlessRunningAsync(instanceId, instances, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        await admin.ResumeAsync(instanceId, string.IsNullOrWhiteSpace(reason) ? "Resumed through the management API." : reason, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>200 purged (history and state, the subject's email with them), 404 unknown, 409 not finished yet.</summary>
    public static async Task<IResult> PurgeAsync(string instanceId, IDsrInstanceClient instances, IDurableInstanceAdmin admin, CancellationToken cancellationToken)
    {
        DsrInstanceState? state = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return TypedResults.NotFound();
        }

        if (state.RuntimeStatus is not (DsrRuntimeStatus.Completed or DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated))
        {
            return TypedResults.Problem(
                title: "The instance has not finished.",
                detail: "Only a completed, failed or terminated instance can be purged; cancel it first.",
                statusCode: StatusCodes.Status409Conflict);
        }

        bool purged = await admin.PurgeAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return purged ? TypedResults.Ok() : TypedResults.NotFound();
    }

    private static async Task<IResult?> RefuseUnlessRunningAsync(string instanceId, IDsrInstanceClient instances, CancellationToken cancellationToken)
    {
        DsrInstanceState? state = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state switch
        {
            null => TypedResults.NotFound(),
            { RuntimeStatus: DsrRuntimeStatus.Completed or DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated } => TypedResults.StatusCode(StatusCodes.Status410Gone),
            _ => null,
        };
    }
}

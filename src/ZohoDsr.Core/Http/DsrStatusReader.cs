using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary><c>GET /api/dsr/{requestId}?orgId=</c> (one request) and <c>GET /api/dsr?orgId=</c> (the operators' list).</summary>
internal sealed class DsrStatusReader(IDsrInstanceClient instances, DsrRequestRecords records, DsrRouteResolver routes, IOptions<DsrOptions> options)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>The most engine pages one list call reads to fill a page (instances of other orgs are skipped).</summary>
    private const int MaxEnginePages = 10;

    public async Task<DsrHttpResponse> GetStatusAsync(string requestId, string? orgId, CancellationToken cancellationToken)
    {
        (DsrHttpResponse? problem, DsrRequestTarget? target) = await routes.FindAsync(requestId, orgId, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        DsrInstanceState state = target!.State;
        DsrStatus status = DsrHttpApi.StatusOf(state);
        var view = new DsrStatusView
        {
            RequestId = target.RequestId,
            OrgId = target.OrgId,
            InstanceId = target.InstanceId,
            Type = state.Input?.Type ?? state.Output?.Type,
            Status = status,
            Progress = state.Progress,
            Result = IsTerminal(status) ? state.Output : null,
            CreatedAt = state.CreatedAt,
            LastUpdatedAt = state.LastUpdatedAt,
            Error = ErrorOf(state),
            Deadline = await records.ReadDeadlineViewAsync(target.OrgId, target.RequestId, cancellationToken).ConfigureAwait(false),
            Decision = await records.ReadDecisionAsync(target.OrgId, target.RequestId, cancellationToken).ConfigureAwait(false),
        };
        return new DsrHttpResponse(200, view, DsrRequestGate.JsonMediaType, DsrProblems.NoHeaders);
    }

    /// <summary>
    /// One page of an org's requests, optionally of one status and due before a time: 200 <see cref="DsrListPage"/>; 400
    /// naming <c>orgId</c>, <c>status</c>, <c>dueBefore</c>, <c>pageSize</c> or <c>continuationToken</c>. A page may hold
    /// fewer items than <c>pageSize</c> and still have a continuation token (the engine's pages hold every org).
    /// </summary>
    public async Task<DsrHttpResponse> ListAsync(DsrListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? org = routes.OrgProblem(query.OrgId, errors);
        DsrStatus? status = ParseStatus(query.Status, errors);
        DateTimeOffset? dueBefore = ParseDueBefore(query.DueBefore, errors);
        int pageSize = ParsePageSize(query.PageSize, errors);
        byte[] secret = Encoding.UTF8.GetBytes(options.Value.Webhook.SigningSecret);
        string binding = $"{org}|{status}|{dueBefore?.ToString("O", CultureInfo.InvariantCulture)}";
        string? engineToken = null;
        if (!string.IsNullOrEmpty(query.ContinuationToken) && errors.Count == 0)
        {
            engineToken = DsrListToken.Open(query.ContinuationToken, binding, secret);
            if (engineToken is null)
            {
                errors["continuationToken"] = ["continuationToken is not one this service issued for this query (orgId, status, dueBefore)."];
            }
        }

        if (errors.Count > 0)
        {
            return DsrProblems.Invalid(errors);
        }

        var items = new List<DsrListItem>();
        int pages = 0;
        do
        {
            DsrInstancePage page = await instances.ListAsync(new DsrInstanceQuery(RuntimeStatusesOf(status), pageSize - items.Count, engineToken), cancellationToken).ConfigureAwait(false);
            foreach (DsrInstanceState state in page.Instances)
            {
                if (await ItemAsync(state, org!, status, dueBefore, cancellationToken).ConfigureAwait(false) is { } item)
                {
                    items.Add(item);
                }
            }

            engineToken = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (items.Count < pageSize && engineToken is not null && ++pages < MaxEnginePages);

        var result = new DsrListPage { Items = items, ContinuationToken = engineToken is null ? null : DsrListToken.Seal(engineToken, binding, secret) };
        return new DsrHttpResponse(200, result, DsrRequestGate.JsonMediaType, DsrProblems.NoHeaders);
    }

    internal static bool IsTerminal(DsrStatus status) => status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled;

    private static string? ErrorOf(DsrInstanceState state) => state.RuntimeStatus switch
    {
        DsrRuntimeStatus.Completed when state.Output is null => "The request finished, but its result cannot be read.",
        DsrRuntimeStatus.Completed => state.Output!.Error,
        DsrRuntimeStatus.Failed => state.FailureMessage ?? "The request failed.",
        DsrRuntimeStatus.Terminated => state.FailureMessage,
        _ => null,
    };

    private async Task<DsrListItem?> ItemAsync(DsrInstanceState state, string org, DsrStatus? wanted, DateTimeOffset? dueBefore, CancellationToken cancellationToken)
    {
        if (state.Input is not { } input || !string.Equals(input.OrgId, org, StringComparison.OrdinalIgnoreCase) || !DsrRequestId.IsValid(input.RequestId))
        {
            return null;
        }

        DsrStatus status = DsrHttpApi.StatusOf(state);
        if (wanted is { } w && w != status)
        {
            return null;
        }

        DateTimeOffset? dueBy = (await records.ReadDeadlineViewAsync(input.OrgId, input.RequestId, cancellationToken).ConfigureAwait(false))?.DueBy;
        if (dueBefore is { } before && !(dueBy < before))
        {
            return null;
        }

        DsrResult? result = IsTerminal(status) ? state.Output : null;
        DsrCounts counts = result is not null
            ? new DsrCounts(result.Modules.Count, result.Modules.Count, result.Modules.Sum(m => m.Found), result.Modules.Sum(m => m.Deleted), result.Modules.Sum(m => m.Failed))
            : state.Progress is { } p
                ? new DsrCounts(p.ModulesDone, p.ModulesTotal, p.RecordsFound, p.RecordsDeleted, p.RecordsFailed)
                : new DsrCounts(0, 0, 0, 0, 0);
        return new DsrListItem
        {
            RequestId = input.RequestId,
            OrgId = input.OrgId,
            Type = input.Type,
            Status = status,
            DueBy = dueBy,
            CreatedAt = state.CreatedAt,
            Counts = counts,
        };
    }

    private static IReadOnlyList<DsrRuntimeStatus>? RuntimeStatusesOf(DsrStatus? status) => status switch
    {
        null => null,
        DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled => [DsrRuntimeStatus.Completed, DsrRuntimeStatus.Failed, DsrRuntimeStatus.Terminated],
        DsrStatus.Suspended => [DsrRuntimeStatus.Suspended],
        _ => [DsrRuntimeStatus.Pending, DsrRuntimeStatus.Running],
    };

    private static DsrStatus? ParseStatus(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (DsrStatus status in Enum.GetValues<DsrStatus>())
        {
            if (string.Equals(text, status.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }

        errors["status"] = ["status must be one of pending, running, awaitingApproval, completed, failed, canceled, suspended."];
        return null;
    }

    private static DateTimeOffset? ParseDueBefore(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DsrJsonBody.TryParseTime(text, out DateTimeOffset time))
        {
            return time;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        errors["dueBefore"] = ["dueBefore must be a date (2026-12-01, midnight UTC) or an ISO 8601 date and time with an offset."];
        return null;
    }

    private static int ParsePageSize(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DefaultPageSize;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size is >= 1 and <= MaxPageSize)
        {
            return size;
        }

        errors["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}."];
        return DefaultPageSize;
    }
}

using System.Globalization;
using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using ZohoDsr.Local.Engine;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// An instance's history as the engine stored it (<see cref="TaskHubClient.GetOrchestrationHistoryAsync"/>): how many
/// activities, episodes and entity messages a request took, and how long each activity took from scheduled to completed.
/// </summary>
public sealed record InstanceHistory(int Activities, int Episodes, int MessagesSent, int Timers, IReadOnlyList<TimeSpan> ActivityTimes)
{
    public static async Task<InstanceHistory> ReadAsync(DurableEngine engine, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(engine);
        OrchestrationState state = await engine.Client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The task hub has no instance {instanceId}.");
        string json = await engine.Client.GetOrchestrationHistoryAsync(state.OrchestrationInstance).ConfigureAwait(false);
        using JsonDocument history = JsonDocument.Parse(json);
        var scheduled = new Dictionary<int, DateTime>();
        var times = new List<TimeSpan>();
        int activities = 0, episodes = 0, sent = 0, timers = 0;
        foreach (JsonElement e in history.RootElement.EnumerateArray())
        {
            EventType? type = TypeOf(e);
            DateTime at = e.TryGetProperty("Timestamp", out JsonElement ts) ? ts.GetDateTime() : default;
            switch (type)
            {
                case EventType.TaskScheduled:
                    activities++;
                    scheduled[e.GetProperty("EventId").GetInt32()] = at;
                    break;
                case EventType.TaskCompleted or EventType.TaskFailed:
                    if (e.TryGetProperty("TaskScheduledId", out JsonElement id) && scheduled.TryGetValue(id.GetInt32(), out DateTime start))
                    {
                        times.Add(at - start);
                    }

                    break;
                case EventType.OrchestratorStarted:
                    episodes++;
                    break;
                case EventType.EventSent:
                    sent++;
                    break;
                case EventType.TimerCreated:
                    timers++;
                    break;
            }
        }

        return new InstanceHistory(activities, episodes, sent, timers, times);
    }

    private static EventType? TypeOf(JsonElement e)
    {
        if (!e.TryGetProperty("EventType", out JsonElement type))
        {
            return null;
        }

        return type.ValueKind switch
        {
            JsonValueKind.Number => (EventType)type.GetInt32(),
            JsonValueKind.String when Enum.TryParse(type.GetString(), out EventType parsed) => parsed,
            JsonValueKind.String when int.TryParse(type.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) => (EventType)n,
            _ => null,
        };
    }
}

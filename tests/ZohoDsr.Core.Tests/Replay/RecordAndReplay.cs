using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Tests.Replay;

/// <summary>Runs an orchestration on a context while recording it, replays the history, and checks both runs agree.</summary>
internal static class RecordAndReplay
{
    /// <summary>Runs <see cref="DsrOrchestration"/> recorded, then replayed; returns the recorded run's result.</summary>
    public static Task<DsrResult> RunAsync(IDsrOrchestrationContext context, DsrOrchestrationInput input)
        => RunAsync(context, c => DsrOrchestration.RunAsync(c, input));

    public static async Task<T> RunAsync<T>(IDsrOrchestrationContext context, Func<IDsrOrchestrationContext, Task<T>> orchestration)
    {
        var (result, history) = await RecordAsync(context, orchestration);
        var replayed = await ReplayAsync(history, context.InstanceId, orchestration);
        Assert.Equal(ReplayJson.Write(result), ReplayJson.Write(replayed));
        return result;
    }

    public static async Task<(T Result, IReadOnlyList<ReplayEntry> History)> RecordAsync<T>(
        IDsrOrchestrationContext context, Func<IDsrOrchestrationContext, Task<T>> orchestration)
    {
        var recording = new RecordingOrchestrationContext(context);
        var result = await orchestration(recording);
        return (result, recording.Log);
    }

    public static async Task<T> ReplayAsync<T>(
        IReadOnlyList<ReplayEntry> history, string instanceId, Func<IDsrOrchestrationContext, Task<T>> orchestration)
    {
        var replaying = new ReplayingOrchestrationContext(history, instanceId);
        var replayed = await orchestration(replaying);
        replaying.AssertConsumed();
        return replayed;
    }
}

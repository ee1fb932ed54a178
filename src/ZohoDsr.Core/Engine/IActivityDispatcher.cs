namespace ZohoDsr.Core.Engine;

/// <summary>
/// Runs an activity by name (<see cref="Orchestration.ActivityNames"/>): the in-process engine's stand-in for Durable's
/// activity triggers.
/// </summary>
public interface IActivityDispatcher
{
    /// <summary>Runs the activity <paramref name="name"/> on <paramref name="input"/> (its input record); returns its output record.</summary>
    Task<object?> DispatchAsync(string name, object input, CancellationToken cancellationToken);
}

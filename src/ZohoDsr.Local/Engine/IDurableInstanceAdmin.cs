namespace ZohoDsr.Local.Engine;

/// <summary>What Durable's management API offers beyond the HTTP contract's needs: suspend, resume, purge.</summary>
public interface IDurableInstanceAdmin
{
    /// <summary>Suspends a running instance (its work in hand finishes; nothing new starts until it is resumed).</summary>
    Task SuspendAsync(string instanceId, string reason, CancellationToken cancellationToken);

    Task ResumeAsync(string instanceId, string reason, CancellationToken cancellationToken);

    /// <summary>Deletes a finished instance's history and state (its input holds the subject's email); false when unknown.</summary>
    Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken);
}

using Microsoft.Extensions.Hosting;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// Reads the audit subject key when the host starts, so that a key that is missing or unreadable (a Key Vault secret not
/// created, no access to it) stops the host naming where the key should be, instead of failing the first request's audit.
/// </summary>
public sealed class AuditSubjectKeyCheck(IAuditSubjectKeyProvider keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await keys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"The audit subject key could not be read from {keys.Source}: {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;

namespace ZohoDsr.Local.Tests.Cli;

/// <summary>Follows a request's status over the HTTP contract until it reaches a wanted status (the host has no push channel).</summary>
public static class StatusPolling
{
    public static async Task<DsrStatusView> UntilAsync(string url, string requestId, string orgId, Func<DsrStatusView, bool> done)
    {
        using DsrHostClient client = DsrHostClient.Create(new Uri(url), null, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            DsrStatusView view = (await client.GetStatusAsync(requestId, orgId, timeout.Token)).EnsureSuccess("status").Read<DsrStatusView>();
            if (done(view))
            {
                return view;
            }

            Assert.False(view.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled, $"request finished as {view.Status} first");
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    /// <summary>Until the request has finished with its outcome (completed with its result, failed, canceled).</summary>
    public static async Task<DsrStatusView> UntilFinishedAsync(string url, string requestId, string orgId)
    {
        using DsrHostClient client = DsrHostClient.Create(new Uri(url), null, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await client.WaitAsync(requestId, orgId, _ => { }, TimeSpan.FromMilliseconds(50), timeout.Token);
    }
}

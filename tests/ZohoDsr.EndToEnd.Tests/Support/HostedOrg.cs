using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Support;

/// <summary>
/// A simulator org served by this test process, and the environment a local host process needs to work on it: the org as a
/// configured Zoho org (accounts URL, client id and secret, refresh token), the task hub in the test's Azurite, exports
/// in a folder of the test's, and short throttle waits. Every host started from it shares storage and task hub.
/// </summary>
internal sealed class HostedOrg : IDisposable
{
    public const string Secret = "durability-signing-secret-0123456789";

    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The seed's related modules (the product's default before deals were added).</summary>
    public const string SeedRelatedModules = "Activities,Calls,Quotes,Invoices,Purchase_Orders,Sales_Orders,Tasks";

    public HostedOrg(SimulatorFixture simulator, AzuriteFixture azurite, SeedSpec seed, string edition = "Enterprise")
    {
        Org = simulator.NewOrg();
        Seed = Org.Seed(seed);
        string prefix = $"Zoho__Orgs__{Org.OrgId}__";
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "ClientId"] = Org.ClientId,
            [prefix + "ClientSecret"] = Org.ClientSecret,
            [prefix + "RefreshToken"] = Org.RefreshToken,
            [prefix + "AccountsUrl"] = simulator.Host.AccountsUrl(Org.DataCenter).ToString(),
            [prefix + "DataCenter"] = Org.DataCenter,
            [prefix + "Edition"] = edition,
            // The seed's modules only, as these tests were sized for: no deals, no lead-linked activities, no notes or
            // attachments (the scale-out test's time budget holds for that many calls).
            [prefix + "RelatedModules"] = SeedRelatedModules,
            ["ZohoDsr__FindLeadActivities"] = "false",
            ["ZohoDsr__IncludeNotes"] = "false",
            ["Zoho__TransientRetryDelay"] = "00:00:00.050",
            ["ZohoDsr__Storage__ConnectionString"] = azurite.ConnectionString,
            ["ZohoDsr__TaskHub"] = TestTaskHub.NewName(),
            ["ZohoDsr__Engine__MaxQueuePollingInterval"] = "00:00:00.250",
            // What a killed host had taken comes back after these (the local defaults are a minute and 30 s).
            ["ZohoDsr__Engine__WorkItemVisibilityTimeout"] = "00:00:40",
            ["ZohoDsr__Engine__ControlQueueVisibilityTimeout"] = "00:00:40",
            ["ZohoDsr__Engine__LeaseInterval"] = "00:00:15",
            ["ZohoDsr__Webhook__SigningSecret"] = Secret,
            ["ZohoDsr__Audit__SubjectKey"] = AuditKey,
            ["ZohoDsr__Exports__Kind"] = "LocalFolder",
            ["ZohoDsr__Exports__LocalPath"] = ExportPath,
            ["ZohoDsr__ThrottleBaseDelay"] = "00:00:02",
            ["ZohoDsr__ThrottleMaxDelay"] = "00:00:04",
            ["ZohoDsr__ThrottleMaxAttempts"] = "50",
            ["ZohoDsr__GateLease"] = "00:01:00",
            // The product's own log lines at every level, to the console the test reads and scans.
            ["Logging__LogLevel__ZohoDsr"] = "Trace",
            ["Logging__LogLevel__ZohoCrm"] = "Trace",
        };
        TestLogCapture.Forbid("the signing secret", Secret);
        TestLogCapture.Forbid("the audit subject key", AuditKey);
        TestLogCapture.Forbid($"org {Org.OrgId}'s client secret", Org.ClientSecret);
        foreach (PlantedSubject subject in Seed.Subjects)
        {
            TestLogCapture.Forbid("a planted subject's email", subject.Email);
        }
    }

    public SimOrg Org { get; }

    public SeedResult Seed { get; }

    public string ExportPath { get; } = Path.Combine(Path.GetTempPath(), "zohodsr-durability-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Environment { get; }

    private static string AuditKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public Task<LocalHostProcess> StartHostAsync() => LocalHostProcess.StartAsync(Environment);

    /// <summary>Submits a signed webhook to <paramref name="host"/>; the request id is returned.</summary>
    public async Task<string> SubmitAsync(LocalHostProcess host, PlantedSubject subject, DsrRequestType type, bool requireApproval = false)
    {
        string requestId = $"{type.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        using DsrHostClient client = DsrHostClient.Create(host.BaseAddress, null, TimeProvider.System);
        byte[] body = DsrHostClient.SerializeRequest(new DsrRequest
        {
            RequestId = requestId,
            Type = type,
            Subject = new DsrSubject { Email = subject.Email },
            OrgId = Org.OrgId,
            RequireApproval = requireApproval ? true : null,
        });
        (await client.SubmitAsync(body, Secret, CancellationToken.None)).EnsureSuccess("submit");
        return requestId;
    }

    public async Task<DsrStatusView> StatusAsync(LocalHostProcess host, string requestId)
    {
        using DsrHostClient client = DsrHostClient.Create(host.BaseAddress, null, TimeProvider.System);
        return (await client.GetStatusAsync(requestId, Org.OrgId, CancellationToken.None)).EnsureSuccess("status").Read<DsrStatusView>();
    }

    /// <summary>Polls the status route until <paramref name="done"/> holds (HTTP has no push channel).</summary>
    public async Task<DsrStatusView> WaitForAsync(LocalHostProcess host, string requestId, Func<DsrStatusView, bool> done)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (true)
        {
            DsrStatusView view = await StatusAsync(host, requestId);
            if (done(view))
            {
                return view;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    /// <summary>Waits for a condition on the simulator's state (its counters move as the host calls it).</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    public async Task<DsrStatusView> ApproveAsync(LocalHostProcess host, string requestId)
    {
        using DsrHostClient client = DsrHostClient.Create(host.BaseAddress, null, TimeProvider.System, Secret);
        (await client.DecideAsync(requestId, Org.OrgId, approve: true, null, CancellationToken.None)).EnsureSuccess("approve");
        return await WaitForAsync(host, requestId, v => v.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled);
    }

    public void Dispose()
    {
        if (Directory.Exists(ExportPath))
        {
            Directory.Delete(ExportPath, recursive: true);
        }
    }
}

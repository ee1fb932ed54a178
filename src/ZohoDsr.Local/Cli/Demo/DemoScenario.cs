using Microsoft.Extensions.Options;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli.Commands;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Local.Cli.Demo;

/// <summary>
/// The demo: a host with the simulator on a free loopback port, driven through the HTTP contract exactly as an intake
/// system would (signed webhooks, status polling): access, delete dry run, delete; then the result is checked against
/// the simulator.
/// </summary>
public static class DemoScenario
{
    /// <summary>
    /// The host the demo starts: a free port, the seeded simulator, no ambient configuration, quiet logs, and a task hub of
    /// its own in the local Azurite (a fresh one per run, deleted when the demo ends), so a second run, or a demo beside
    /// a running host, starts clean.
    /// </summary>
    public static LocalHostOptions CreateHostOptions(string? exportPath, TimeProvider timeProvider) => new()
    {
        Urls = "http://127.0.0.1:0",
        UseSimulator = true,
        UseAmbientConfiguration = false,
        MinimumLogLevel = LogLevel.Warning,
        ExportPath = exportPath,
        TimeProvider = timeProvider,
        TaskHub = "ZohoDsrDemo" + timeProvider.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
            + System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true),
        DeleteTaskHubOnStop = true,
    };

    /// <summary>Runs the three requests against a started demo host and checks them; writes progress and tables.</summary>
    public static async Task<DemoReport> RunAsync(LocalHost host, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(context);
        DemoEnvironment demo = host.Demo ?? throw new CliException(ExitCodes.Usage, "The demo needs the simulated org (the host was started against a real org).");
        long started = context.TimeProvider.GetTimestamp();
        PlantedSubject subject = DemoSubjects.Pick(demo.Seed);
        IReadOnlyCollection<string> deletable = host.App.Services.GetRequiredService<IOptions<DsrOptions>>().Value.DeletableModules;
        int seeded = demo.Seed.RecordsByModule.Values.Sum();
        string stamp = context.TimeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);

        TextWriter output = context.Output;
        if (!context.Json)
        {
            output.WriteLine($"Demo: local host on {host.BaseAddress.AbsoluteUri.TrimEnd('/')} with a simulated Zoho CRM org '{demo.OrgId}' ({seeded:N0} records).");
            output.WriteLine($"Subject (synthetic): {subject.Name} <{subject.Email}>, planted records: "
                + string.Join(", ", DemoVerifier.Owned(subject).Where(e => e.Value.Count > 0).Select(e => $"{e.Key} {e.Value.Count}")));
            if (subject.LookAlikeEmails.Count > 0)
            {
                output.WriteLine($"Look-alike emails that must not match: {string.Join(", ", subject.LookAlikeEmails)}");
            }
        }

        using var client = new DsrHostClient(
            new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) },
            host.BaseAddress,
            functionKey: null,
            context.TimeProvider);

        DsrStatusView access = await StepAsync(client, host, context, "1/3 Access request (GDPR Art. 15)", new DsrRequest
        {
            RequestId = $"demo-access-{stamp}",
            Type = DsrRequestType.Access,
            Subject = new DsrSubject { Email = subject.Email },
            OrgId = demo.OrgId,
        }, cancellationToken).ConfigureAwait(false);

        long before = demo.Org.Counters.RecordsDeleted;
        DsrStatusView dryRun = await StepAsync(client, host, context, "2/3 Delete request, dry run", new DsrRequest
        {
            RequestId = $"demo-delete-dry-{stamp}",
            Type = DsrRequestType.Delete,
            Subject = new DsrSubject { Email = subject.Email },
            OrgId = demo.OrgId,
            DryRun = true,
        }, cancellationToken).ConfigureAwait(false);
        long afterDryRun = demo.Org.Counters.RecordsDeleted;
        int existingAfterDryRun = DemoVerifier.CountExisting(demo.Org, subject);

        DsrStatusView delete = await StepAsync(client, host, context, "3/3 Delete request (GDPR Art. 17)", new DsrRequest
        {
            RequestId = $"demo-delete-{stamp}",
            Type = DsrRequestType.Delete,
            Subject = new DsrSubject { Email = subject.Email },
            OrgId = demo.OrgId,
        }, cancellationToken).ConfigureAwait(false);
        long afterDelete = demo.Org.Counters.RecordsDeleted;

        IReadOnlyList<DemoCheck> checks = DemoVerifier.Verify(demo.Org, subject, deletable, access, dryRun, afterDryRun - before, existingAfterDryRun, delete, afterDelete - afterDryRun);
        var report = new DemoReport
        {
            OrgId = demo.OrgId,
            SubjectName = subject.Name,
            SubjectEmail = subject.Email,
            SeededRecords = seeded,
            PlantedRecords = DemoVerifier.Owned(subject).ToDictionary(e => e.Key, e => e.Value.Count, StringComparer.Ordinal),
            Access = access,
            DryRun = dryRun,
            Delete = delete,
            SimulatorRecordsDeleted = afterDelete - before,
            Checks = checks,
            Elapsed = context.TimeProvider.GetElapsedTime(started),
        };

        if (context.Json)
        {
            RequestReport.WriteJson(context, report);
        }
        else
        {
            output.WriteLine();
            output.WriteLine("Checks against the simulator:");
            foreach (DemoCheck check in checks)
            {
                output.WriteLine($"  [{(check.Passed ? "ok" : "FAIL")}] {check.Name}: {check.Detail}");
            }

            output.WriteLine();
            output.WriteLine(report.Passed
                ? $"Demo passed in {report.Elapsed.TotalSeconds:0.0} s."
                : $"Demo FAILED in {report.Elapsed.TotalSeconds:0.0} s: see the checks above.");
        }

        return report;
    }

    private static async Task<DsrStatusView> StepAsync(DsrHostClient client, LocalHost host, CliContext context, string title, DsrRequest request, CancellationToken cancellationToken)
    {
        if (!context.Json)
        {
            context.Output.WriteLine();
            context.Output.WriteLine($"== {title}: request {request.RequestId}");
        }

        (await client.SubmitAsync(DsrHostClient.SerializeRequest(request), host.SigningSecret, cancellationToken).ConfigureAwait(false))
            .EnsureSuccess($"Submitting {request.RequestId}");
        DsrStatusView final = await SubmitCommand.FollowAsync(client, request.RequestId!, request.OrgId!, context, cancellationToken).ConfigureAwait(false);
        if (!context.Json)
        {
            RequestReport.WriteText(context, final);
        }

        return final;
    }
}

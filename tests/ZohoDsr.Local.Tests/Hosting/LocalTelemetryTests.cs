using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Hosting;
using ZohoDsr.Local.Tests.Cli;
using Xunit.Abstractions;

namespace ZohoDsr.Local.Tests.Hosting;

/// <summary>The metrics a real delete emits on the local host's engine, against the simulator's own counters.</summary>
public sealed class LocalTelemetryTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-telemetry-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    [Fact]
    public async Task Delete_WithApproval_MetricsMatchWhatTheSimulatorSawAndTheGaugesShowTheWait()
    {
        LocalHostOptions options = LocalHostFixture.CreateOptions(_exports);
        options.DemoSeed = new SeedSpec { Contacts = 20, Leads = 10, Cases = 5, RelatedPerContact = 1 };
        await using LocalHost host = await LocalHost.StartAsync(options, CancellationToken.None);
        using var metrics = new HostMetrics(host.App.Services.GetRequiredService<IMeterFactory>());
        SimOrg org = host.Demo!.Org;
        PlantedSubject subject = host.Demo.Seed.Subject("exact");
        long callsBefore = org.Counters.TotalCalls;
        long deletedBefore = org.Counters.RecordsDeleted;
        string url = host.BaseAddress.AbsoluteUri;

        CliRun submit = await CliRun.InvokeAsync("submit", "--type", "delete", "--email", subject.Email,
            "--require-approval", "--url", url, "--secret", LocalHostFixture.Secret, "--request-id", "metrics-1");
        Assert.True(submit.ExitCode == ExitCodes.Ok, submit.Error);
        await StatusPolling.UntilAsync(url, "metrics-1", "demo", v => v.Status == DsrStatus.AwaitingApproval);

        // The gauges, from a snapshot of the real task hub and rate gate entity.
        Assert.True(await host.App.Services.GetRequiredService<MetricsSnapshotRefresher>().RefreshAsync(CancellationToken.None));
        metrics.Collect();
        Assert.Equal(1, metrics.Last(DsrTelemetry.ApprovalWaiting, "demo"));
        Assert.Equal(1, metrics.Of(DsrTelemetry.RequestOpen).Where(m => m.Org == "demo").Sum(m => m.Value));
        Assert.Equal(0, metrics.Last(DsrTelemetry.RateGatePermitUsage, "demo"));
        Assert.True(metrics.Last(DsrTelemetry.RateGatePermitLimit, "demo") > 0, "the gate knows its cap once a request used it");

        CliRun approve = await CliRun.InvokeAsync("approve", "metrics-1", "--org", "demo", "--url", url, "--secret", LocalHostFixture.Secret);
        Assert.True(approve.ExitCode == ExitCodes.Ok, approve.Error + approve.Output);
        DsrStatusView view = await StatusPolling.UntilFinishedAsync(url, "metrics-1", "demo");
        Assert.Equal(DsrStatus.Completed, view.Status);

        // Ground truth: the simulator's counters and its records, not the request's own report.
        int goneFromZoho = subject.AllExpectedRecordIds.Sum(e => e.Value.Count(id => !org.Exists(e.Key, id)));
        Assert.Equal(org.Counters.TotalCalls - callsBefore, metrics.Sum(DsrTelemetry.ZohoCalls, "demo"));
        Assert.Equal(org.Counters.RecordsDeleted - deletedBefore, metrics.Sum(DsrTelemetry.RecordOutcomes, "demo", DsrTelemetryValues.OutcomeDeleted));
        Assert.True(goneFromZoho > 0);
        Assert.Equal(goneFromZoho, metrics.Sum(DsrTelemetry.RecordOutcomes, "demo", DsrTelemetryValues.OutcomeDeleted));
        Assert.Equal(1, metrics.Sum(DsrTelemetry.RequestStarted, "demo"));
        Measured ended = Assert.Single(metrics.Of(DsrTelemetry.RequestEnded));
        Assert.Equal((DsrTelemetryValues.TypeDelete, DsrTelemetryValues.StatusCompleted), (ended.Tags[DsrTelemetryAttributes.RequestType], ended.Tags[DsrTelemetryAttributes.RequestStatus]));
        Assert.Single(metrics.Of(DsrTelemetry.RequestDuration));
        output.WriteLine($"calls {metrics.Sum(DsrTelemetry.ZohoCalls, "demo")}, credits {metrics.Sum(DsrTelemetry.ZohoCredits, "demo")} (simulator {org.Counters.CreditsUsed}), deleted {goneFromZoho}, duration {metrics.Of(DsrTelemetry.RequestDuration)[0].Value:F2} s");
    }

    private sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
    {
        public string? Org => Tags.GetValueOrDefault(DsrTelemetryAttributes.OrgId);
    }

    /// <summary>Listens to the instruments of one host's meter factory (other hosts in the test run are not heard).</summary>
    private sealed class HostMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<Measured> _measured = [];
        private readonly Lock _lock = new();

        public HostMetrics(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == DsrTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public void Collect() => _listener.RecordObservableInstruments();

        public IReadOnlyList<Measured> Of(string instrument)
        {
            lock (_lock)
            {
                return [.. _measured.Where(m => m.Instrument == instrument)];
            }
        }

        public double Sum(string instrument, string orgId, string? outcome = null)
            => Of(instrument).Where(m => m.Org == orgId && (outcome is null || m.Tags.GetValueOrDefault(DsrTelemetryAttributes.RecordOutcome) == outcome)).Sum(m => m.Value);

        public double Last(string instrument, string orgId) => Of(instrument).Last(m => m.Org == orgId).Value;

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            lock (_lock)
            {
                _measured.Add(new Measured(instrument.Name, value, copy));
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Engine;
using ZohoDsr.Local.Tests.Cli;

namespace ZohoDsr.Local.Tests.Apis;

/// <summary>The operators' routes on the real engine: first-wins decisions, one instance per org whatever its spelling, the list, extend.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class OperatorRoutesTests(LocalHostFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { BaseAddress = fixture.Host.BaseAddress };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Decide_ApproveRejectRejectCancelAtOnce_OneTakesEffectAndTheOthersAnswer409NamingIt()
    {
        PlantedSubject subject = fixture.Subject("multi-module");
        await SubmitAwaitingApprovalAsync("race-1", subject.Email);
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        HttpResponseMessage[] answers = await Task.WhenAll(
            SendSignedAsync(HttpMethod.Post, "api/dsr/race-1/approve?orgId=demo", """{"reason":"operator a"}""", now),
            SendSignedAsync(HttpMethod.Post, "api/dsr/race-1/reject?orgId=demo", """{"reason":"operator b"}""", now),
            SendSignedAsync(HttpMethod.Post, "api/dsr/race-1/reject?orgId=demo", """{"reason":"operator c"}""", now),
            SendSignedAsync(HttpMethod.Delete, "api/dsr/race-1?orgId=demo", """{"reason":"operator d"}""", now));

        HttpResponseMessage winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        string action = (await winner.Content.ReadFromJsonAsync<DsrActionAccepted>(DsrJson.Options))!.Action;
        foreach (HttpResponseMessage loser in answers.Where(a => a != winner))
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            DsrProblemDetails problem = (await loser.Content.ReadFromJsonAsync<DsrProblemDetails>(DsrJson.Options))!;
            Assert.Equal(action, problem.Decision!.Action);
            Assert.Contains(action, problem.Errors!["decision"][0], StringComparison.Ordinal);
        }

        DsrStatusView view = await StatusPolling.UntilFinishedAsync(fixture.Url, "race-1", "demo");
        Assert.Equal(action, view.Decision!.Action);
        if (action == DsrDecision.Approve)
        {
            Assert.Equal(DsrStatus.Completed, view.Status);
        }
        else
        {
            Assert.Contains(view.Status, new[] { DsrStatus.Canceled, DsrStatus.Failed });
        }
        if (action != DsrDecision.Approve)
        {
            Assert.All(subject.ExpectedRecordIds.SelectMany(e => e.Value.Select(id => (e.Key, id))), r => Assert.True(fixture.Demo.Org.Exists(r.Key, r.id)));
        }

        foreach (HttpResponseMessage answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Submit_OrgIdInThreeSpellings_StartsOneInstance()
    {
        string email = fixture.Subject("exact").Email;
        HttpStatusCode[] codes = new HttpStatusCode[3];
        string[] spellings = ["demo", "DEMO", "Demo"];
        for (int i = 0; i < spellings.Length; i++)
        {
            byte[] body = DsrHostClient.SerializeRequest(new DsrRequest
            {
                RequestId = "org-case-1",
                Type = DsrRequestType.Access,
                Subject = new DsrSubject { Email = email },
                OrgId = spellings[i],
            });
            using HttpResponseMessage response = await SendSignedAsync(HttpMethod.Post, "api/dsr", Encoding.UTF8.GetString(body), TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
            codes[i] = response.StatusCode;
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.OK], codes);
        IReadOnlyList<DsrInstanceState> instances = await AllInstancesAsync();
        DsrInstanceState only = Assert.Single(instances, s => s.Input?.RequestId == "org-case-1");
        Assert.Equal("demo", only.Input!.OrgId);
        Assert.Equal(DsrInstanceId.For("demo", "org-case-1"), only.InstanceId);
        await StatusPolling.UntilFinishedAsync(fixture.Url, "org-case-1", "DEMO");
        Assert.True(Directory.Exists(Path.Combine(fixture.Host.ExportPath, "demo", "org-case-1")));
        Assert.False(Directory.Exists(Path.Combine(fixture.Host.ExportPath, "DEMO")));
        Assert.False(Directory.Exists(Path.Combine(fixture.Host.ExportPath, "Demo")));
    }

    [Fact]
    public async Task List_Submitted_ShowsThemWithDueDatesAndNoEmailThroughHttpAndTheCli()
    {
        PlantedSubject subject = fixture.Subject("secondary");
        CliRun submit = await CliRun.InvokeAsync("submit", "--type", "delete", "--email", subject.Email, "--require-approval", "--regime", "ccpa",
            "--received-at", "2026-11-20T09:00:00Z", "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", "list-1");
        Assert.True(submit.ExitCode == ExitCodes.Ok, submit.Error);
        await StatusPolling.UntilAsync(fixture.Url, "list-1", "demo", v => v.Status == DsrStatus.AwaitingApproval);

        using HttpResponseMessage response = await _http.GetAsync("api/dsr?orgId=demo&status=awaitingApproval&dueBefore=2027-01-05");
        string text = await response.Content.ReadAsStringAsync();
        CliRun list = await CliRun.InvokeAsync("list", "--org", "demo", "--url", fixture.Url, "--json", "--status", "awaitingApproval");
        CliRun table = await CliRun.InvokeAsync("list", "--org", "demo", "--url", fixture.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        DsrListItem item = Assert.Single(JsonSerializer.Deserialize<DsrListPage>(text, DsrJson.Options)!.Items, i => i.RequestId == "list-1");
        Assert.Equal(DsrStatus.AwaitingApproval, item.Status);
        Assert.Equal(DsrRequestType.Delete, item.Type);
        Assert.Equal(new DateOnly(2027, 1, 4), DateOnly.FromDateTime(item.DueBy!.Value.UtcDateTime));
        Assert.DoesNotContain(subject.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.True(list.ExitCode == ExitCodes.Ok, list.Error);
        Assert.Contains(JsonSerializer.Deserialize<DsrListPage>(list.Output, DsrJson.Options)!.Items, i => i.RequestId == "list-1");
        Assert.All(JsonSerializer.Deserialize<DsrListPage>(list.Output, DsrJson.Options)!.Items, i => Assert.Equal(DsrStatus.AwaitingApproval, i.Status));
        Assert.Contains("list-1", table.Output, StringComparison.Ordinal);
        Assert.Contains("2027-01-04", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(subject.Email, list.Output + table.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Extend_ThroughTheCli_StatusShowsTheNewDueDateAndASecondIsRefused()
    {
        await SubmitAwaitingApprovalAsync("extend-1", fixture.Subject("case").Email, "--received-at", "2026-11-20T09:00:00Z", "--regime", "gdpr");

        CliRun extend = await CliRun.InvokeAsync("extend", "extend-1", "--org", "demo", "--url", fixture.Url, "--secret", LocalHostFixture.Secret,
            "--reason", "Records held in three systems", "--by", "1 months", "--json");
        CliRun again = await CliRun.InvokeAsync("extend", "extend-1", "--org", "demo", "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--reason", "again");
        CliRun status = await CliRun.InvokeAsync("status", "extend-1", "--org", "demo", "--url", fixture.Url);

        Assert.True(extend.ExitCode == ExitCodes.Ok, extend.Error);
        DsrDeadlineView deadline = JsonSerializer.Deserialize<DsrDeadlineView>(extend.Output, DsrJson.Options)!;
        Assert.True(deadline.Extended);
        Assert.Equal(new DateOnly(2027, 1, 20), DateOnly.FromDateTime(deadline.DueBy.UtcDateTime));
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("HTTP 409", again.Error, StringComparison.Ordinal);
        Assert.Contains("Due by 2027-01-20", status.Output, StringComparison.Ordinal);
        Assert.Contains("extended by 1 month", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_CliWithoutSecretOrKey_UsageErrorAndNothingSent()
    {
        CliRun run = await CliRun.InvokeAsync("approve", "anything", "--org", "demo", "--url", fixture.Url);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--secret", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_CliWithTheWrongSecret_Refused401()
    {
        CliRun run = await CliRun.InvokeAsync("approve", "anything", "--org", "demo", "--url", fixture.Url, "--secret", "not-the-secret");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error, StringComparison.Ordinal);
    }

    private async Task SubmitAwaitingApprovalAsync(string requestId, string email, params string[] extra)
    {
        CliRun submit = await CliRun.InvokeAsync([.. new[] { "submit", "--type", "delete", "--email", email, "--require-approval",
            "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", requestId }, .. extra]);
        Assert.True(submit.ExitCode == ExitCodes.Ok, submit.Error);
        await StatusPolling.UntilAsync(fixture.Url, requestId, "demo", v => v.Status == DsrStatus.AwaitingApproval);
    }

    private async Task<IReadOnlyList<DsrInstanceState>> AllInstancesAsync()
    {
        TaskHubInstanceClient engine = fixture.Host.App.Services.GetRequiredService<TaskHubInstanceClient>();
        var all = new List<DsrInstanceState>();
        string? token = null;
        do
        {
            DsrInstancePage page = await engine.ListAsync(new DsrInstanceQuery(null, 100, token), CancellationToken.None);
            all.AddRange(page.Instances);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }

    private Task<HttpResponseMessage> SendSignedAsync(HttpMethod method, string path, string body, long timestamp)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(method, path);
        if (bytes.Length > 0)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        request.Headers.Add(DsrRoutes.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, WebhookSignature.Sign(Encoding.UTF8.GetBytes(LocalHostFixture.Secret), timestamp, bytes));
        return _http.SendAsync(request);
    }
}

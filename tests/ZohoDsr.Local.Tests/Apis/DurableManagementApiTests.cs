using System.Net;
using System.Text;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Tests.Cli;

namespace ZohoDsr.Local.Tests.Apis;

[Collection(LocalHostCollection.Name)]
public sealed class DurableManagementApiTests(LocalHostFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler());

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task RaiseEvent_ApprovalThroughSendEventPostUri_DeletesOnlyTheExactMatches()
    {
        PlantedSubject subject = fixture.Subject("lookalikes");
        DsrManagementUris uris = await SubmitAwaitingApprovalAsync("mgmt-approve", subject.Email);

        using HttpResponseMessage raised = await SendSignedAsync(HttpMethod.Post, uris.SendEventPostUri!.Replace("{eventName}", "Approval", StringComparison.Ordinal), """{"approved":true,"by":"privacy-team"}""");

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        DsrStatusView view = await StatusPolling.UntilAsync(fixture.Url, "mgmt-approve", "demo", v => v.Status == DsrStatus.Completed);
        Assert.True(view.Result!.Modules.Sum(m => m.Deleted) > 0);
        Assert.All(
            view.Result.Records.Where(r => r.Outcome == RecordOutcomeKind.Deleted),
            r => Assert.Contains(r.RecordId, subject.ExpectedRecordIds.GetValueOrDefault(r.Module) ?? []));
    }

    [Fact]
    public async Task Terminate_ThroughTerminatePostUri_CancelsThenAnswers410()
    {
        DsrManagementUris uris = await SubmitAwaitingApprovalAsync("mgmt-terminate", fixture.Subject("exact").Email);
        Uri terminate = new(uris.TerminatePostUri!.Replace("{text}", "operator", StringComparison.Ordinal));

        using HttpResponseMessage first = await SendSignedAsync(HttpMethod.Post, terminate.AbsoluteUri);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await StatusPolling.UntilAsync(fixture.Url, "mgmt-terminate", "demo", v => v.Status == DsrStatus.Canceled);

        using HttpResponseMessage second = await SendSignedAsync(HttpMethod.Post, terminate.AbsoluteUri, signedAt: TimeProvider.System.GetUtcNow().AddSeconds(1));
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        using HttpResponseMessage status = await _http.GetAsync(uris.StatusQueryGetUri);
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
    }

    [Fact]
    public async Task SuspendResume_ThroughTheirUris_HoldThenReleaseTheRequest()
    {
        DsrManagementUris uris = await SubmitAwaitingApprovalAsync("mgmt-suspend", fixture.Subject("secondary").Email);

        using HttpResponseMessage suspended = await SendSignedAsync(HttpMethod.Post, uris.SuspendPostUri!.Replace("{text}", "hold", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, suspended.StatusCode);
        await StatusPolling.UntilAsync(fixture.Url, "mgmt-suspend", "demo", v => v.Status == DsrStatus.Suspended);

        using HttpResponseMessage resumed = await SendSignedAsync(HttpMethod.Post, uris.ResumePostUri!.Replace("{text}", "go", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        await StatusPolling.UntilAsync(fixture.Url, "mgmt-suspend", "demo", v => v.Status == DsrStatus.AwaitingApproval);
    }

    [Fact]
    public async Task Purge_RunningThenFinished_RefusedThenForgotten()
    {
        DsrManagementUris uris = await SubmitAwaitingApprovalAsync("mgmt-purge", fixture.Subject("case").Email);
        using HttpResponseMessage early = await SendSignedAsync(HttpMethod.Delete, uris.PurgeHistoryDeleteUri!);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        using HttpResponseMessage terminated = await SendSignedAsync(HttpMethod.Post, uris.TerminatePostUri!.Replace("{text}", "done", StringComparison.Ordinal));
        await StatusPolling.UntilAsync(fixture.Url, "mgmt-purge", "demo", v => v.Status == DsrStatus.Canceled);

        using HttpResponseMessage purged = await SendSignedAsync(HttpMethod.Delete, uris.PurgeHistoryDeleteUri!, signedAt: TimeProvider.System.GetUtcNow().AddSeconds(1));

        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        using HttpResponseMessage status = await _http.GetAsync(uris.StatusQueryGetUri);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task GetStatus_UnknownInstance_Returns404()
    {
        using HttpResponseMessage response = await _http.GetAsync(new Uri(fixture.Host.BaseAddress, "runtime/webhooks/durabletask/instances/dsr-unknown"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Terminate_Unsigned_Refused401AndTheRequestKeepsWaiting()
    {
        DsrManagementUris uris = await SubmitAwaitingApprovalAsync("mgmt-unsigned", fixture.Subject("exact").Email);

        using HttpResponseMessage refused = await _http.PostAsync(new Uri(uris.TerminatePostUri!.Replace("{text}", "x", StringComparison.Ordinal)), null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await StatusPolling.UntilAsync(fixture.Url, "mgmt-unsigned", "demo", v => v.Status == DsrStatus.AwaitingApproval);
    }

    [Fact]
    public async Task RaiseEvent_ApprovalAfterARejectThroughTheContract_Refused409NamingTheReject()
    {
        DsrManagementUris uris = await SubmitAwaitingApprovalAsync("mgmt-after-reject", fixture.Subject("exact").Email);
        using DsrHostClient client = DsrHostClient.Create(fixture.Host.BaseAddress, null, TimeProvider.System, LocalHostFixture.Secret);
        (await client.DecideAsync("mgmt-after-reject", "demo", approve: false, "no", CancellationToken.None)).EnsureSuccess("reject");

        using HttpResponseMessage approve = await SendSignedAsync(HttpMethod.Post, uris.SendEventPostUri!.Replace("{eventName}", "Approval", StringComparison.Ordinal), """{"approved":true}""");

        Assert.Contains(approve.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.Gone });
        DsrStatusView view = await StatusPolling.UntilAsync(fixture.Url, "mgmt-after-reject", "demo", v => true);
        Assert.Equal(DsrDecision.Reject, view.Decision!.Action);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(HttpMethod method, string uri, string body = "", DateTimeOffset? signedAt = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        long timestamp = (signedAt ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(method, uri);
        if (bytes.Length > 0)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        request.Headers.Add(DsrRoutes.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, WebhookSignature.Sign(Encoding.UTF8.GetBytes(LocalHostFixture.Secret), timestamp, bytes));
        return await _http.SendAsync(request);
    }

    private async Task<DsrManagementUris> SubmitAwaitingApprovalAsync(string requestId, string email)
    {
        using DsrHostClient client = DsrHostClient.Create(fixture.Host.BaseAddress, null, TimeProvider.System);
        byte[] body = DsrHostClient.SerializeRequest(new DsrRequest
        {
            RequestId = requestId,
            Type = DsrRequestType.Delete,
            Subject = new DsrSubject { Email = email },
            OrgId = "demo",
            RequireApproval = true,
        });
        DsrManagementUris uris = (await client.SubmitAsync(body, LocalHostFixture.Secret, CancellationToken.None)).EnsureSuccess("submit").Read<DsrManagementUris>();
        await StatusPolling.UntilAsync(fixture.Url, requestId, "demo", v => v.Status == DsrStatus.AwaitingApproval);
        return uris;
    }
}

using System.Text.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;

namespace ZohoDsr.Local.Tests.Cli.Commands;

[Collection(LocalHostCollection.Name)]
public sealed class ActionCommandTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task Approve_DeleteAwaitingApproval_DeletesThePlantedRecords()
    {
        PlantedSubject subject = fixture.Subject("case");
        await SubmitAwaitingApprovalAsync("cli-approve", subject);

        CliRun approve = await CliRun.InvokeAsync("approve", "cli-approve", "--org", "demo", "--url", fixture.Url, "--secret", LocalHostFixture.Secret);
        Assert.True(approve.ExitCode == ExitCodes.Ok, approve.Error);

        CliRun status = await CliRun.InvokeAsync("status", "cli-approve", "--org", "demo", "--url", fixture.Url, "--wait", "--json");
        Assert.True(status.ExitCode == ExitCodes.Ok, status.Error + status.Output);
        DsrStatusView view = JsonSerializer.Deserialize<DsrStatusView>(status.Output, DsrJson.Options)!;
        Assert.Equal(DsrStatus.Completed, view.Status);
        var deleted = view.Result!.Records.Where(r => r.Outcome == RecordOutcomeKind.Deleted).Select(r => (r.Module, r.RecordId)).ToHashSet();
        List<string> deletable = new DsrOptions().DeletableModules;
        Assert.Contains(subject.ExpectedRecordIds.Keys, deletable.Contains);
        Assert.Contains(subject.ExpectedRecordIds.Keys, m => !deletable.Contains(m));
        foreach ((string module, IReadOnlyList<string> ids) in subject.ExpectedRecordIds)
        {
            foreach (string id in ids)
            {
                if (deletable.Contains(module))
                {
                    Assert.Contains((module, id), deleted);
                    Assert.False(fixture.Demo.Org.Exists(module, id), $"{module}/{id} still exists");
                }
                else
                {
                    Assert.DoesNotContain((module, id), deleted);
                    Assert.True(fixture.Demo.Org.Exists(module, id), $"{module}/{id} of a non-deletable module was deleted");
                }
            }
        }

        Assert.Equal(deleted.Count, view.Result.Modules.Sum(m => m.Deleted));
    }

    [Fact]
    public async Task Reject_DeleteAwaitingApproval_DeletesNothingAndExitsWithFailure()
    {
        PlantedSubject subject = fixture.Subject("over-200");
        await SubmitAwaitingApprovalAsync("cli-reject", subject);

        CliRun reject = await CliRun.InvokeAsync("reject", "cli-reject", "--org", "demo", "--url", fixture.Url, "--secret", LocalHostFixture.Secret);
        Assert.True(reject.ExitCode == ExitCodes.Ok, reject.Error);

        CliRun status = await CliRun.InvokeAsync("status", "cli-reject", "--org", "demo", "--url", fixture.Url, "--wait");
        Assert.Equal(ExitCodes.Failed, status.ExitCode);
        Assert.All(subject.ExpectedRecordIds.SelectMany(e => e.Value.Select(id => (e.Key, id))), r => Assert.True(fixture.Demo.Org.Exists(r.Key, r.id)));
    }

    [Fact]
    public async Task Cancel_DeleteAwaitingApproval_EndsCanceledAndDeletesNothing()
    {
        PlantedSubject subject = fixture.Subject("over-200");
        await SubmitAwaitingApprovalAsync("cli-cancel", subject);

        CliRun cancel = await CliRun.InvokeAsync("cancel", "cli-cancel", "--org", "demo", "--url", fixture.Url, "--json", "--secret", LocalHostFixture.Secret);
        Assert.True(cancel.ExitCode == ExitCodes.Ok, cancel.Error);
        using (JsonDocument.Parse(cancel.Output))
        {
        }

        CliRun status = await CliRun.InvokeAsync("status", "cli-cancel", "--org", "demo", "--url", fixture.Url, "--wait", "--json");
        Assert.Equal(ExitCodes.Failed, status.ExitCode);
        Assert.Equal(DsrStatus.Canceled, JsonSerializer.Deserialize<DsrStatusView>(status.Output, DsrJson.Options)!.Status);
        Assert.All(subject.ExpectedRecordIds.SelectMany(e => e.Value.Select(id => (e.Key, id))), r => Assert.True(fixture.Demo.Org.Exists(r.Key, r.id)));
    }

    [Fact]
    public async Task Cancel_FinishedRequest_ExitCode2Conflict()
    {
        CliRun submit = await CliRun.InvokeAsync("submit", "--type", "access", "--email", fixture.Subject("exact").Email,
            "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", "cli-cancel-done", "--wait");
        Assert.True(submit.ExitCode == ExitCodes.Ok, submit.Error);

        CliRun cancel = await CliRun.InvokeAsync("cancel", "cli-cancel-done", "--org", "demo", "--url", fixture.Url, "--secret", LocalHostFixture.Secret);

        Assert.Equal(ExitCodes.Usage, cancel.ExitCode);
        Assert.Contains("HTTP 409", cancel.Error);
    }

    [Fact]
    public async Task Approve_UnknownRequest_ExitCode2NotFound()
    {
        CliRun run = await CliRun.InvokeAsync("approve", "never-submitted", "--org", "demo", "--url", fixture.Url, "--secret", LocalHostFixture.Secret);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("HTTP 404", run.Error);
    }

    [Fact]
    public async Task Status_UnknownRequest_ExitCode2NotFound()
    {
        CliRun run = await CliRun.InvokeAsync("status", "never-submitted", "--org", "demo", "--url", fixture.Url, "--json");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("HTTP 404", run.Error);
        Assert.Empty(run.Output);
    }

    private async Task SubmitAwaitingApprovalAsync(string requestId, PlantedSubject subject)
    {
        CliRun submit = await CliRun.InvokeAsync("submit", "--type", "delete", "--email", subject.Email, "--require-approval",
            "--url", fixture.Url, "--secret", LocalHostFixture.Secret, "--request-id", requestId);
        Assert.True(submit.ExitCode == ExitCodes.Ok, submit.Error);
        await StatusPolling.UntilAsync(fixture.Url, requestId, "demo", v => v.Status == DsrStatus.AwaitingApproval);
    }
}

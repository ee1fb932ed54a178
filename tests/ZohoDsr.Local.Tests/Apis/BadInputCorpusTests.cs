using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Engine;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Local.Tests.Apis;

/// <summary>
/// The bad-input corpus (<see cref="BadInputCorpus"/>) against the local host on Kestrel: each case gets its status and
/// problem details naming the field, and none starts an orchestration (the task hub's instance list is unchanged).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class BadInputCorpusTests(LocalHostFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { BaseAddress = fixture.Host.BaseAddress };

    public static IEnumerable<object[]> Cases => BadInputCorpus.Names(functions: false);

    public void Dispose() => _http.Dispose();

    [Fact]
    public void Corpus_Size_AtLeast80CasesOverEveryRoute()
    {
        Assert.True(BadInputCorpus.Cases.Count >= 80, $"{BadInputCorpus.Cases.Count} cases");
        string[] kinds = [.. BadInputCorpus.Cases.Select(c => c.Name.Split(':')[0]).Distinct()];
        Assert.Equal(["submit", "list", "status", "approve", "reject", "cancel", "extend", "management"], kinds);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_AnsweredWithItsStatusNamingTheFieldAndStartsNothing(string name)
    {
        BadInputCase badCase = BadInputCorpus.Get(name);
        int before = await CountInstancesAsync();
        DateTimeOffset now = TimeProvider.System.GetUtcNow();

        using HttpResponseMessage first = await _http.SendAsync(BadInputCorpus.ToRequest(badCase, "demo", LocalHostFixture.Secret, now));
        using HttpResponseMessage response = badCase.Signature == SignatureMode.Replayed
            ? await _http.SendAsync(BadInputCorpus.ToRequest(badCase, "demo", LocalHostFixture.Secret, now))
            : first;

        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == badCase.Status, $"{name}: HTTP {(int)response.StatusCode} {body}");
        if (badCase.Field is not null)
        {
            Assert.Equal(DsrProblemDetails.ContentType, response.Content.Headers.ContentType?.MediaType);
            DsrProblemDetails? problem = await response.Content.ReadFromJsonAsync<DsrProblemDetails>(DsrJson.Options);
            Assert.Equal(badCase.Status, problem!.Status);
            Assert.True(problem.Errors?.ContainsKey(badCase.Field) == true, $"{name}: errors should name {badCase.Field}: {body}");
        }

        Assert.Equal(before, await CountInstancesAsync());
    }

    private async Task<int> CountInstancesAsync()
    {
        TaskHubInstanceClient engine = fixture.Host.App.Services.GetRequiredService<TaskHubInstanceClient>();
        int count = 0;
        string? token = null;
        do
        {
            DsrInstancePage page = await engine.ListAsync(new DsrInstanceQuery(null, 100, token), CancellationToken.None);
            count += page.Instances.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);

        return count;
    }
}

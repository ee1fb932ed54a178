using System.Reflection;
using Xunit.Abstractions;

namespace ZohoCrm.Client.Tests;

/// <summary>
/// Every public method of the client against hostile answers, hand-written and generated from fixed seeds, through the
/// client's real pipeline over a fake transport: each ends in a result or a <see cref="ZohoApiException"/> (or subtype),
/// never another exception, never a hang (each call is bounded by a timeout, not a sleep).
/// </summary>
public sealed class ZohoCrmClientFuzzTests(ITestOutputHelper output)
{
    private const int GeneratedCasesPerMethod = 30;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, Func<ZohoCrmClient, CancellationToken, Task>> Calls = new()
    {
        ["GetOrgAsync/1"] = (c, ct) => c.GetOrgAsync(ct),
        ["GetFieldsAsync/2"] = (c, ct) => c.GetFieldsAsync("Contacts", ct),
        ["GetRelatedListsAsync/2"] = (c, ct) => c.GetRelatedListsAsync("Contacts", ct),
        ["ListRecordsAsync/3"] = (c, ct) => c.ListRecordsAsync("Contacts", ["Email"], ct).ToListAsync(ct).AsTask(),
        ["ListRecordsAsync/4"] = (c, ct) => c.ListRecordsAsync("Contacts", ["Email"], ["11", "12"], ct).ToListAsync(ct).AsTask(),
        ["GetRecordAsync/4"] = (c, ct) => c.GetRecordAsync("Contacts", "3652397000000415002", includePrivateFields: true, ct),
        ["SearchByEmailAsync/3"] = (c, ct) => c.SearchByEmailAsync("Contacts", "ng@example.org", ct).ToListAsync(ct).AsTask(),
        ["SearchByCriteriaAsync/3"] = (c, ct) => c.SearchByCriteriaAsync("Contacts", ZohoSearchCriteria.EqualTo("Email", "ng@example.org"), ct).ToListAsync(ct).AsTask(),
        ["QueryAsync/2"] = (c, ct) => c.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.Equal("Email", "ng@example.org")), ct).ToListAsync(ct).AsTask(),
        ["GetRelatedRecordsAsync/5"] = (c, ct) => c.GetRelatedRecordsAsync("Contacts", "3652397000000415002", "Quotes", ["Subject"], ct).ToListAsync(ct).AsTask(),
        ["DeleteRecordsAsync/3"] = (c, ct) => c.DeleteRecordsAsync("Contacts", ["11", "12"], ct),
        ["ListDeletedRecordsAsync/3"] = (c, ct) => c.ListDeletedRecordsAsync("Contacts", ZohoDeletedRecordType.Recycle, ct).ToListAsync(ct).AsTask(),
        ["PurgeFromRecycleBinAsync/2"] = (c, ct) => c.PurgeFromRecycleBinAsync(["11", "12"], ct),
    };

    public static TheoryData<string> Methods => [.. Calls.Keys];

    [Fact]
    public void Calls_EveryPublicServiceMethod_IsFuzzed()
    {
        IEnumerable<string> methods = typeof(ZohoCrmClient)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual && !m.IsSpecialName)
            .Select(m => $"{m.Name}/{m.GetParameters().Length}");

        Assert.Equal(methods.Order(StringComparer.Ordinal), Calls.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Method_HandWrittenHostileAnswers_ResultOrZohoApiException(string method)
    {
        foreach (FuzzCase fuzz in HostileAnswers.All)
        {
            await RunAsync(method, fuzz);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Method_GeneratedHostileAnswers_ResultOrZohoApiException(string method)
    {
        int seed = StableSeed(method);
        var fuzzer = new ZohoBodyFuzzer(seed);
        for (int i = 0; i < GeneratedCasesPerMethod; i++)
        {
            await RunAsync(method, fuzzer.Next(i));
        }
    }

    /// <summary>A seed per method that does not change between runs (string.GetHashCode does).</summary>
    internal static int StableSeed(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private async Task RunAsync(string method, FuzzCase fuzz)
    {
        var api = new FakeHandler((_, call) => fuzz.AnswerFor(call).ToResponse());
        await using ClientHarness harness = ClientHarness.WithFakes(api, configure: o => o.MaxTransientRetries = 1);
        using var stop = new CancellationTokenSource();
        Task call = Calls[method](harness.Client, stop.Token);
        try
        {
            await call.WaitAsync(CallTimeout);
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
            Assert.Fail($"{method} did not finish within {CallTimeout} ({api.Calls} calls) for {fuzz}");
        }
        catch (ZohoApiException)
        {
            // The one failure the contract allows.
        }
        catch (Exception ex)
        {
            output.WriteLine(ex.ToString());
            Assert.Fail($"{method} threw {ex.GetType().Name} ({ex.Message}) for {fuzz}");
        }
    }
}

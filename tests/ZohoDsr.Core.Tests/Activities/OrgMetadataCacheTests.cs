using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class OrgMetadataCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private int _reads;

    [Fact]
    public async Task GetOrReadAsync_WithinTtl_ReadsOnce()
    {
        OrgMetadataCache cache = Cache(TimeSpan.FromMinutes(5));

        string first = await cache.GetOrReadAsync("org-1", "org", ReadAsync, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        string second = await cache.GetOrReadAsync("org-1", "org", ReadAsync, CancellationToken.None);

        Assert.Equal(1, _reads);
        Assert.Equal("read 1", first);
        Assert.Equal("read 1", second);
    }

    [Fact]
    public async Task GetOrReadAsync_TtlPassed_ReadsAgain()
    {
        OrgMetadataCache cache = Cache(TimeSpan.FromMinutes(5));

        await cache.GetOrReadAsync("org-1", "org", ReadAsync, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        string second = await cache.GetOrReadAsync("org-1", "org", ReadAsync, CancellationToken.None);

        Assert.Equal("read 2", second);
    }

    [Fact]
    public async Task GetOrReadAsync_OtherOrgOrKey_ReadsItsOwn()
    {
        OrgMetadataCache cache = Cache(TimeSpan.FromMinutes(5));

        await cache.GetOrReadAsync("org-1", "fields:Contacts", ReadAsync, CancellationToken.None);
        string otherOrg = await cache.GetOrReadAsync("org-2", "fields:Contacts", ReadAsync, CancellationToken.None);
        string otherKey = await cache.GetOrReadAsync("org-1", "fields:Leads", ReadAsync, CancellationToken.None);

        Assert.Equal(("read 2", "read 3"), (otherOrg, otherKey));
    }

    [Fact]
    public async Task GetOrReadAsync_ZeroTtl_ReadsEveryTime()
    {
        OrgMetadataCache cache = Cache(TimeSpan.Zero);

        await cache.GetOrReadAsync("org-1", "org", ReadAsync, CancellationToken.None);
        await cache.GetOrReadAsync("org-1", "org", ReadAsync, CancellationToken.None);

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetOrReadAsync_ReadFails_NothingKept()
    {
        OrgMetadataCache cache = Cache(TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrReadAsync<string>("org-1", "org", _ => throw new InvalidOperationException("refused"), CancellationToken.None));
        string value = await cache.GetOrReadAsync("org-1", "org", ReadAsync, CancellationToken.None);

        Assert.Equal("read 1", value);
    }

    private OrgMetadataCache Cache(TimeSpan ttl) => new(Options.Create(new DsrOptions { MetadataCacheTtl = ttl }), _time);

    private Task<string> ReadAsync(CancellationToken cancellationToken) => Task.FromResult("read " + Interlocked.Increment(ref _reads));
}

using System.Collections.Concurrent;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Tests.Infrastructure;

namespace Crm.Indicators.Tests.Infrastructure;

/// <summary>The <see cref="SampleTenant"/> seeded once per provider for the whole test class, dropped at its end (the indicators only read).</summary>
public sealed class SampleDatabases : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(TestDatabase Db, SampleTenant Sample)>>> _seeded = new();

    public Task<(TestDatabase Db, SampleTenant Sample)> GetAsync(string provider) =>
        _seeded.GetOrAdd(provider, p => new(async () =>
        {
            var db = await TestDatabase.Create(p);
            return (db, await SampleTenant.SeedAsync(db));
        })).Value;

    /// <summary>Runs <paramref name="indicators"/> on the sample of <paramref name="provider"/> as the user <paramref name="user"/> picks.</summary>
    public async Task<(T Figures, SampleTenant Sample)> AsAsync<T>(string provider, Func<SampleTenant, UserId> user,
        Func<CrmDbContext, VisibilityScope, Task<T>> indicators)
    {
        var (db, sample) = await GetAsync(provider);
        await using var read = db.Open(sample.Tenant);
        return (await indicators(read, await SampleTenant.ScopeAsync(read, user(sample))), sample);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var seeded in _seeded.Values.Where(s => s.IsValueCreated))
            await (await seeded.Value).Db.DisposeAsync();
    }
}

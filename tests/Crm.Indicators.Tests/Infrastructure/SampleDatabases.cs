using System.Collections.Concurrent;
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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var seeded in _seeded.Values.Where(s => s.IsValueCreated))
            await (await seeded.Value).Db.DisposeAsync();
    }
}

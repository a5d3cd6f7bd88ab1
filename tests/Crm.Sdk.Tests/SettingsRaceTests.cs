using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Settings;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Two sessions saving a tenant's settings for the first time at once.</summary>
public sealed class SettingsRaceTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Two_first_saves_at_once_store_one_and_the_other_is_a_conflict_value(string provider)
    {
        await using var host = await Create(provider);
        var (first, second) = (host.As(host.Diretor), host.As(host.Diretor));
        await first.AccessAsync();
        await second.AccessAsync();

        // Writers wait while a transaction holds the settings table (SQLite: the write lock; PostgreSQL: an EXCLUSIVE lock,
        // which lets reads through): both sessions read "no settings yet", then both wait to write.
        await using var holder = host.Open();
        await using (var transaction = await holder.Database.BeginTransactionAsync())
        {
            if (provider == TestProviders.Postgres)
                await holder.Database.ExecuteSqlRawAsync("LOCK TABLE \"TenantSettings\" IN EXCLUSIVE MODE");
            var started = Inserts(host);
            var saves = new[] { Groups(first, "G1"), Groups(second, "G2") };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (Inserts(host) < started + 2 && !saves.Any(s => s.IsCompleted))
                await Task.Delay(10, timeout.Token);
            Assert.All(saves, s => Assert.False(s.IsCompleted)); // both read, neither wrote
            await transaction.RollbackAsync();
            var results = await Task.WhenAll(saves);

            var winner = Assert.Single(results, r => r.Succeeded);
            var loser = Assert.Single(results, r => !r.Succeeded);
            Assert.IsType<Conflict>(loser.Value);
            var stored = Ok(await host.As(host.Diretor).Settings.AccountsAsync());
            var code = Array.IndexOf(results, winner) == 0 ? "G1" : "G2";
            Assert.Equal([code], stored.ClientGroups.Keys.Select(k => k.Value));
        }
    }

    private static Task<CrmResult<SettingsSaved>> Groups(CrmSession session, string code) => Task.Run(() => session.Settings.SaveClientGroupsAsync(
        [new ClientGroup(MasterDataCode.Of(code), $"Grupo {code}", PersonKind.Juridica, true, new RegistrationDefaults())]));

    // The settings inserts EF has started so far (a save starts its insert after the use case's reads).
    private static int Inserts(TestHost host) => host.Logs.Lines.Count(l => l.Event.Id == RelationalEventId.CommandExecuting.Id
        && l.Message.Contains("INSERT INTO \"TenantSettings\"", StringComparison.Ordinal));
}

using Crm.Tests.Shared;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Persistence;
using Crm.Adapters.Datasul;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Crm.Sdk.Tests;

/// <summary>Options come from configuration and Configure&lt;T&gt;, agree everywhere, and fail at start-up with every problem.</summary>
public sealed class OptionsTests
{
    private const string Secret = "senha-super-secreta-789";

    [Fact]
    public void Configuration_binds_the_database_the_plugin_folders_and_the_adapters_options()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Database:Sqlite"] = file,
            ["Crm:Adapters:datasul:Modality"] = "3",
            ["Crm:Adapters:datasul:IntegrGp"] = "true",
        }).Build();

        using var provider = new ServiceCollection().AddCrm(configuration.GetSection("Crm")).AddDatasulAdapter().BuildServiceProvider();

        var crm = provider.GetRequiredService<IOptions<CrmOptions>>().Value;
        Assert.Equal("SQLite", crm.Database.Provider?.Name);
        Assert.Equal(file + ".keys", crm.Database.Provider?.DefaultKeyRingFolder);
        Assert.Equal(3, provider.GetRequiredService<IOptions<DatasulOptions>>().Value.Modality);
        Assert.True(provider.GetRequiredService<IOptions<DatasulOptions>>().Value.IntegrGp);
    }

    [Theory]
    [InlineData(null, 2L)]        // SQLite's FULL
    [InlineData("Normal", 1L)]
    [InlineData("full", 2L)]
    public async Task Sqlite_durability_from_configuration_sets_synchronous_on_every_connection_and_wal_when_migrating(
        string? durability, long synchronous)
    {
        var folder = Directory.CreateTempSubdirectory("crm-sdk-durability-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Crm:Database:Sqlite"] = Path.Combine(folder.FullName, "crm.db"),
                ["Crm:Database:SqliteDurability"] = durability,
            }).Build();
            await using (var provider = new ServiceCollection().AddCrm(configuration.GetSection("Crm")).BuildServiceProvider())
            {
                var engine = provider.GetRequiredService<CrmEngine>();
                await engine.MigrateAsync();
                await using var db = engine.Database.Open(default);
                await db.Database.OpenConnectionAsync();
                Assert.Equal("wal", await Pragma(db, "journal_mode"));
                Assert.Equal(synchronous, await Pragma(db, "synchronous"));
            }
        }
        finally
        {
            SqliteFolders.Delete(folder);
        }

        static async Task<object?> Pragma(CrmDbContext db, string name)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return await command.ExecuteScalarAsync();
        }
    }

    [Fact]
    public void An_unknown_sqlite_durability_fails_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Database:Sqlite"] = "a.db",
            ["Crm:Database:SqliteDurability"] = "Off",
        }).Build();
        using var provider = new ServiceCollection().AddCrm(configuration.GetSection("Crm")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CrmEngine>());

        Assert.Contains(error.Failures, f => f.Contains("Database:SqliteDurability must be Full or Normal", StringComparison.Ordinal));
    }

    [Fact]
    public void The_jobs_section_binds_its_intervals_and_every_bad_value_fails_at_start_up()
    {
        IConfigurationSection Section(string pull, string zone, string months) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Database:Sqlite"] = "a.db",
            ["Crm:Jobs:ErpMasterDataInterval"] = pull,
            ["Crm:Jobs:ErpStandingPullInterval"] = pull,
            ["Crm:Jobs:SentRetention"] = "30.00:00:00",
            ["Crm:Jobs:TimeZone"] = zone,
            ["Crm:Jobs:MonthsInactive"] = months,
        }).Build().GetSection("Crm");
        using var good = new ServiceCollection().AddCrm(Section("01:00:00", "America/Manaus", "3")).BuildServiceProvider();
        using var bad = new ServiceCollection().AddCrm(Section("-00:01:00", "Lua/Crescente", "0")).BuildServiceProvider();

        var jobs = good.GetRequiredService<IOptions<CrmOptions>>().Value.Jobs;
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<CrmEngine>());

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromDays(30), "America/Manaus", 3, (TimeSpan?)null),
            (jobs.ErpMasterDataInterval, jobs.ErpStandingPullInterval, jobs.SentRetention, jobs.TimeZone, jobs.MonthsInactive, jobs.ErpSituationInterval));
        Assert.Contains(error.Failures, f => f.Contains("Jobs:ErpMasterDataInterval, ErpStandingPullInterval", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Jobs:TimeZone", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Jobs:MonthsInactive", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_chooses_postgresql_when_the_host_installed_its_package()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Database:PostgreSql"] = "Host=localhost;Database=crm",
            ["Crm:Database:KeyRingFolder"] = "/var/lib/crm/keys",
        }).Build();

        using var provider = new ServiceCollection().AddCrm(configuration.GetSection("Crm")).BuildServiceProvider();

        var crm = provider.GetRequiredService<IOptions<CrmOptions>>().Value;
        Assert.Equal("PostgreSQL", crm.Database.Provider?.Name);
        Assert.Equal("/var/lib/crm/keys", crm.Database.KeyRingFolder);
    }

    [Fact]
    public void Configure_of_the_host_is_honoured_and_IOptions_agrees_with_IOptionsMonitor()
    {
        var services = new ServiceCollection()
            .AddCrm(crm => crm.UseSqlite("a.db"))
            .AddDatasulAdapter(o => o.Modality = 2);
        services.Configure<DatasulOptions>(o => (o.Modality, o.Username, o.Password) = (5, "crm", Secret));
        services.Configure<CrmOptions>(o => o.Database.KeyRingFolder = "/keys");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DatasulOptions>>().Value;
        var monitor = provider.GetRequiredService<IOptionsMonitor<DatasulOptions>>().CurrentValue;
        Assert.Equal(5, options.Modality);
        Assert.Equal((options.Modality, options.Username, options.IntegrGp), (monitor.Modality, monitor.Username, monitor.IntegrGp));
        Assert.Equal("/keys", provider.GetRequiredService<IOptions<CrmOptions>>().Value.Database.KeyRingFolder);
        Assert.Equal("/keys", provider.GetRequiredService<IOptionsMonitor<CrmOptions>>().CurrentValue.Database.KeyRingFolder);
        // The adapter the engine runs is made from the options in effect, not from the registration's delegate alone: what it
        // sends carries the configured modality (5), not the delegate's (2).
        var adapter = Assert.IsType<DatasulAdapter>(provider.GetRequiredService<Crm.Sdk.Discovery.ErpAdapterCatalog>().For(DatasulAdapter.Id));
        var valid = Crm.Domain.Accounts.Registration.RegistrationRules.Validate(Forms.Company(1),
            new(Crm.Domain.Accounts.Configuration.AccountSettings.Default, Crm.Domain.Accounts.Configuration.RegistrationKind.Account)).AsT0;
        var account = Crm.Domain.Accounts.Account.Register(new Crm.Domain.Identity.AccountId(Guid.NewGuid()), new Crm.Domain.Identity.TenantId(Guid.NewGuid()),
            valid, new Crm.Domain.Identity.UserId(Guid.NewGuid()), SystemClock.Instance);
        Assert.Equal(5, adapter.ToPayload(account).Modality);
    }

    [Fact]
    public void Every_failure_of_every_options_type_is_listed_at_start_up_without_the_secret()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Database:Sqlite"] = "a.db",
            ["Crm:Database:PostgreSql"] = $"Host=x;Password={Secret}",
            ["Crm:Adapters:datasul:Modality"] = "12",
        }).Build();
        var services = new ServiceCollection().AddCrm(configuration.GetSection("Crm")).AddDatasulAdapter(o => o.Password = Secret);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<CrmEngine>());

        var failures = error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(failures, f => f.Contains("both Database:Sqlite and Database:PostgreSql", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("choose a database", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Modality 12", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Username and Password go together", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_protector_keeps_its_key_ring_next_to_the_sqlite_file()
    {
        var folder = Directory.CreateTempSubdirectory("crm-sdk-keys-");
        try
        {
            var file = Path.Combine(folder.FullName, "crm.db");
            using var provider = new ServiceCollection().AddCrm(crm => crm.UseSqlite(file)).BuildServiceProvider();
            var protector = provider.GetRequiredService<Crm.Domain.Servers.ISecretProtector>();

            var stored = protector.Protect(new Crm.Domain.Servers.Secret(Secret));

            Assert.DoesNotContain(Secret, stored.Payload, StringComparison.Ordinal);
            Assert.Equal(Secret, protector.Unprotect(stored).Reveal());
            Assert.True(Directory.Exists(file + ".keys"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_plain_service_collection_validated_on_build_resolves_the_engine_and_migrates()
    {
        var folder = Directory.CreateTempSubdirectory("crm-sdk-plain-");
        try
        {
            await using (var provider = new ServiceCollection().AddCrm(crm => crm.UseSqlite(Path.Combine(folder.FullName, "crm.db")))
                .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
            {
                await provider.GetRequiredService<CrmEngine>().MigrateAsync();

                var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
                Assert.Equal(HealthStatus.Healthy, health.Status);
            }
        }
        finally
        {
            SqliteFolders.Delete(folder);
        }
    }

    [Fact]
    public void The_hosts_own_logger_factory_wins_over_the_one_AddCrm_registers()
    {
        using var hosts = LoggerFactory.Create(_ => { });
        using var provider = new ServiceCollection().AddSingleton(hosts).AddCrm(crm => crm.UseSqlite("a.db")).BuildServiceProvider();

        Assert.Same(hosts, provider.GetRequiredService<ILoggerFactory>());
    }

    [Fact]
    public void The_clock_reads_the_hosts_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(time).AddCrm(crm => crm.UseSqlite("a.db")).BuildServiceProvider();
        var clock = provider.GetRequiredService<IClock>();

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Instant.FromUtc(2026, 3, 1, 8, 35), clock.GetCurrentInstant());
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Indicators;
using Crm.Persistence;
using NodaTime;

namespace Crm.Benchmarks.Indicators;

/// <summary>
/// Each indicator group over one month, on a tenant of 10⁵ and 10⁶ accounts with their contacts, orders and occurrences
/// (<see cref="IndicatorSeeder"/>; seeded once, then reused), for a Diretor (every account visible: the largest scope)
/// and for a representative (one owner of the 100: 1 % of the accounts). Besides each group's time, the global cleanup
/// prints each indicator's own query times (<see cref="QueryTimes"/>). Target: ≤ 200 ms per indicator at 10⁶ on
/// PostgreSQL. Results and caveats: RESULTS.md.
/// </summary>
[Config(typeof(IndicatorBenchmarks.ShortConfig))]
[MemoryDiagnoser]
public class IndicatorBenchmarks : IDisposable
{
    private static readonly IndicatorPeriod November =
        IndicatorPeriod.Of(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30), DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]).AsT0;

    private readonly QueryTimes _times = new();
    private Microsoft.Extensions.Logging.ILoggerFactory? _logging;
    private CrmDatabase _database = null!;
    private VisibilityScope _scope = null!;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite and PostgreSQL, or those of <c>CRM_BENCH_PROVIDERS</c> (comma-separated) for a shorter run.</summary>
    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("CRM_BENCH_PROVIDERS") is { Length: > 0 } providers ? providers.Split(',') : ["sqlite", "postgres"];

    [ParamsSource(nameof(Sizes))]
    public int Accounts { get; set; }

    /// <summary>Whose view: a Diretor (every account) or a representative (its own 1 %).</summary>
    [Params("diretor", "representative")]
    public string Scope { get; set; } = "diretor";

    /// <summary>10⁵ and 10⁶, or the sizes of <c>CRM_BENCH_ACCOUNTS</c> (comma-separated) for a quicker run.</summary>
    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("CRM_BENCH_ACCOUNTS") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [100_000, 1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _database = IndicatorSeeder.OpenAsync(Provider, Accounts, _logging = _times.Factory()).GetAwaiter().GetResult();
        var diretor = Scope == "diretor";
        var user = User.Arrive(diretor ? new UserId(Guid.NewGuid()) : IndicatorSeeder.Owner(7), IndicatorSeeder.Tenant, Scope, Scope, null, Package.Freemium).AsT0;
        var role = Role.Create(new RoleId(Guid.NewGuid()), IndicatorSeeder.Tenant, Scope, diretor ? DataReach.All : DataReach.Own, []).AsT0;
        user.AssignRoles([role.Id]);
        _scope = VisibilityScope.Of(user, EffectiveAccess.Of(user, [role]), Hierarchy.Of([user]).AsT0);
    }

    /// <summary>Prints each indicator's query times of this case (warm-up runs included).</summary>
    [GlobalCleanup]
    public void Cleanup() =>
        Console.WriteLine($"// per indicator, {Provider} {Accounts:N0} accounts, {Scope}:{Environment.NewLine}{_times.Report()}");

    /// <summary>Disposes the logger factory (and with it <see cref="QueryTimes"/>).</summary>
    public void Dispose()
    {
        _logging?.Dispose();
        _times.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// One warm-up and two measured runs in this process (an operation takes seconds at 10⁶ on SQLite, and the machine is
    /// shared), with time for the first run's seeding.
    /// </summary>
    internal sealed class ShortConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public ShortConfig() => AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(2)
            .WithToolchain(new BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
    }

    [Benchmark]
    public async Task<long> Registration()
    {
        await using var db = _database.Open(IndicatorSeeder.Tenant);
        return (await Crm.Indicators.Indicators.RegistrationAsync(db, _scope, November)).Accounts.Current;
    }

    [Benchmark]
    public async Task<decimal> Sales()
    {
        await using var db = _database.Open(IndicatorSeeder.Tenant);
        return (await Crm.Indicators.Indicators.SalesAsync(db, _scope, November)).Revenue.Current;
    }

    [Benchmark]
    public async Task<long> Service()
    {
        await using var db = _database.Open(IndicatorSeeder.Tenant);
        return (await Crm.Indicators.Indicators.ServiceAsync(db, _scope, November, Instant.FromUtc(2026, 12, 15, 12, 0))).Emails.Current;
    }
}

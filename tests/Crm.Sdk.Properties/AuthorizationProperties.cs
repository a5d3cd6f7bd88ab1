using System.Globalization;
using System.Diagnostics;
using Crm.Sdk.Properties.Infrastructure;
using Crm.Sdk.Properties.Model;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Crm.Sdk.Properties;

/// <summary>
/// Issue 11's property: a random sequence of use cases by random users (random roles, custom roles, hierarchy, company/branch
/// scopes, inactive and unknown users) never lets a user read or change what its role and hierarchy forbid, and never
/// leaves a write half done — on a real SQLite file and on PostgreSQL.
/// Random by default; set <c>CRM_PROPS_REPLAY="seed,gamma"</c> (the pair FsCheck prints on a failure) to replay a run, and
/// <c>CRM_PROPS_TESTS</c> to change the number of scenarios per provider.
/// </summary>
public sealed class AuthorizationProperties(ITestOutputHelper output)
{
    private const int Scenarios = 25;

    [Fact]
    public Task A_random_sequence_of_use_cases_never_escapes_roles_and_hierarchy_nor_half_writes_on_sqlite() => Run(Providers.Sqlite);

    [PostgresFact]
    public Task A_random_sequence_of_use_cases_never_escapes_roles_and_hierarchy_nor_half_writes_on_postgres() => Run(Providers.Postgres);

    private async Task Run(string provider)
    {
        await using var database = await EngineDatabase.Create(provider);
        var tally = new Tally();
        var watch = Stopwatch.StartNew();
        var property = Prop.ForAll(Scenario.Arbitrary(15, 30), scenario =>
            ScenarioRun.RunAsync(database, scenario, tally).GetAwaiter().GetResult());
        Check.One(Configuration(), property);
        output.WriteLine($"{provider}: {tally} in {watch.Elapsed.TotalSeconds:0.0} s");
        // The run must have exercised every kind of answer, or it proves little.
        Assert.True(tally.Count("allowed → success") > 0 && tally.Count("denied → denied") > 0 && tally.Count("hidden → not_found") > 0, tally.ToString());
    }

    private static Config Configuration()
    {
        var tests = int.TryParse(Environment.GetEnvironmentVariable("CRM_PROPS_TESTS"), out var n) && n > 0 ? n : Scenarios;
        var config = Config.QuickThrowOnFailure.WithMaxTest(tests);
        return Environment.GetEnvironmentVariable("CRM_PROPS_REPLAY") is { Length: > 0 } replay
            && replay.Split(',', StringSplitOptions.TrimEntries) is [var seed, var gamma]
            ? config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(ulong.Parse(seed, CultureInfo.InvariantCulture), ulong.Parse(gamma, CultureInfo.InvariantCulture)), FSharpOption<int>.None)))
            : config;
    }
}

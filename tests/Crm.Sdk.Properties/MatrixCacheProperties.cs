using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Tenancy;
using Crm.Sdk.Matrices;
using Crm.Sdk.Properties.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Properties;

/// <summary>
/// Issue 14's matrix property through the engine: a random sequence of saves of one matrix through <c>session.Matrices</c>
/// (rules added, replaced and removed; some invalid: a negative rate, a removed id that is not there, a stale version)
/// leaves the engine's matrix in memory — kept up to date by handing each save's result over, never reloaded — equal to a
/// fresh full load from the database and to a model of the saves; and a save that is refused changes neither.
/// </summary>
public sealed class MatrixCacheProperties
{
    private const int Ids = 6;

    [Fact]
    public Task Random_matrix_saves_keep_the_engine_s_matrix_equal_to_a_full_load_on_sqlite() => Run(Providers.Sqlite);

    [PostgresFact]
    public Task Random_matrix_saves_keep_the_engine_s_matrix_equal_to_a_full_load_on_postgres() => Run(Providers.Postgres);

    /// <summary>One save: what it does (0 add or replace, 1 remove, 2 negative rate, 3 stale version), to which rule id, at which rate.</summary>
    public sealed record Save(int Kind, int Id, int Rate);

    private static async Task Run(string provider)
    {
        await using var database = await EngineDatabase.Create(provider);
        var saves = (from kind in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
                     from id in Gen.Choose(0, Ids - 1)
                     from rate in Gen.Choose(0, 99)
                     select new Save(kind, id, rate)).ArrayOf().Select(s => s.Take(12).ToArray());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), Prop.ForAll(Arb.From(saves), sequence => RunAsync(database, sequence).GetAwaiter().GetResult()));
    }

    private static async Task RunAsync(EngineDatabase database, Save[] sequence)
    {
        var tenant = new TenantId(Guid.NewGuid());
        var diretor = await DiretorAsync(database, tenant);
        var model = new Dictionary<string, IpiRule>(StringComparer.Ordinal);
        long version = 0;
        foreach (var save in sequence)
        {
            var id = $"r{save.Id}";
            var (change, valid) = save.Kind switch
            {
                0 => (new MatrixChange<IpiRule>(version, Rule(id, save.Rate)), true),
                1 => (new MatrixChange<IpiRule>(version, [], [id]), model.ContainsKey(id)),
                2 => (new MatrixChange<IpiRule>(version, Rule(id, -1 - save.Rate)), false),
                _ => (new MatrixChange<IpiRule>(version + 1, Rule(id, save.Rate)), false),
            };
            var result = await diretor.Matrices.SaveAsync(change);
            Assert.True(result.Succeeded == valid, $"{save}: {result.Outcome} {string.Join("; ", result.Problems)}");
            if (valid)
            {
                version = result.AsT0.Version;
                if (save.Kind == 0)
                    model[id] = new IpiRule("50", save.Rate);
                else
                    model.Remove(id);
            }
            await AssertSameAsync(database, diretor, model, version, save);
        }
    }

    // The engine's copy, a full load by a fresh cache on the same database, and the model hold the same rules; the stored version is the model's.
    private static async Task AssertSameAsync(EngineDatabase database, CrmSession diretor, Dictionary<string, IpiRule> model, long version, Save after)
    {
        var tenant = diretor.Tenant;
        var cached = (await database.Engine.StoredMatrices.ForAsync(tenant, default)).Taxes.Ipi;
        var fresh = (await new StoredMatrices(database.Engine.Database, TimeProvider.System, () => new MatrixCacheOptions()).ForAsync(tenant, default)).Taxes.Ipi;
        var expected = model.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)).ToArray();
        Assert.True(expected.SequenceEqual(Rules(cached)), $"after {after}: the engine holds {string.Join(", ", Rules(cached))}, the saves made {string.Join(", ", expected)}");
        Assert.True(expected.SequenceEqual(Rules(fresh)), $"after {after}: a full load gives {string.Join(", ", Rules(fresh))}, the saves made {string.Join(", ", expected)}");
        Assert.True((await diretor.Matrices.GetAsync<IpiRule>(0, 1)).TryPickT0(out var page, out _));
        Assert.Equal(version, page.Summary.Version);
    }

    private static IEnumerable<(string, IpiRule)> Rules(Matrix<IpiRule> matrix) =>
        matrix.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Payload));

    // Each id keyed by its own product, so that no two rules ever share a key.
    private static MatrixRule<IpiRule> Rule(string id, int rate) => new(id, new MatrixKey { Product = $"P-{id}" }, new IpiRule("50", rate));

    private static async Task<CrmSession> DiretorAsync(EngineDatabase database, TenantId tenant)
    {
        var engine = database.Engine;
        Assert.True((await engine.Tenants.ProvisionAsync(tenant, "Matrizes", Package.Freemium)).Succeeded);
        UserId support;
        Dictionary<string, RoleId> roles;
        await using (var db = database.Open(tenant))
        {
            support = (await db.Users.SingleAsync(u => u.Login == User.SupportLogin)).Id;
            roles = await db.Roles.ToDictionaryAsync(r => r.Name, r => r.Id);
        }
        var diretor = new UserId(Guid.NewGuid());
        Assert.True((await engine.Tenants.AddUserAsync(tenant, diretor, "diretor", "Diretor", "diretor@exemplo.com.br")).Succeeded);
        Assert.True((await engine.Tenants.AssignRolesAsync(tenant, support, diretor, [roles[StandardRoles.Diretor.Name]])).Succeeded);
        return engine.Session(tenant, diretor);
    }
}

using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence.Access;
using Crm.Persistence.Provisioning;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Access;

public sealed class VisibilityQueryTests
{
    /// <summary>A Freemium tenant (users active on arrival): a Diretor, a Coordenador over two reps, a third rep outside the team.</summary>
    private sealed record Team(TenantId Tenant, UserId Diretor, UserId Coordenador, UserId Rep1, UserId Rep2, UserId Outsider, CompanyId Company);

    private static async Task<Team> Seed(TestDatabase db)
    {
        var tenant = new TenantId(Guid.NewGuid());
        await new TenantProvisioning(db.Database).ProvisionAsync(tenant, "Distribuidora", Package.Freemium, null);
        await using var write = db.Open(tenant);
        var roles = await write.Roles.ToDictionaryAsync(r => r.Name, r => r.Id);
        var company = new CompanyId(Guid.NewGuid());
        User Person(string login, StandardRole role, UserId? manager = null)
        {
            var user = User.Arrive(new UserId(Guid.NewGuid()), tenant, login, login, null, Package.Freemium).AsT0;
            user.AssignRoles([roles[role.Name]]);
            user.AllowCompanies([new CompanyBranch(company, null)]);
            write.Users.Add(user);
            return user;
        }
        var diretor = Person("diretor", StandardRoles.Diretor);
        var coordenador = Person("coordenador", StandardRoles.Coordenador);
        var rep1 = Person("rep1", StandardRoles.Usuario);
        var rep2 = Person("rep2", StandardRoles.Usuario);
        var outsider = Person("rep3", StandardRoles.Usuario);
        var all = await write.Users.ToListAsync();
        var hierarchy = Hierarchy.Of([.. all, diretor, coordenador, rep1, rep2, outsider]).AsT0;
        coordenador.ReportTo(diretor.Id, hierarchy);
        rep1.ReportTo(coordenador.Id, hierarchy);
        rep2.ReportTo(coordenador.Id, hierarchy);
        var seed = 0;
        foreach (var (owner, count) in new[] { (diretor, 1), (coordenador, 2), (rep1, 3), (rep2, 4), (outsider, 5) })
            for (var i = 0; i < count; i++)
                write.Accounts.Add(Records.Account(tenant, ++seed, owner.Id, company));
        Assert.True((await write.SaveAsync()).IsSaved);
        return new Team(tenant, diretor.Id, coordenador.Id, rep1.Id, rep2.Id, outsider.Id, company);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Each_role_loads_exactly_the_rows_it_may_see(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var team = await Seed(db);

        Assert.Equal(15, await Loaded(db, team.Tenant, team.Diretor));
        Assert.Equal(2 + 3 + 4, await Loaded(db, team.Tenant, team.Coordenador));
        Assert.Equal(3, await Loaded(db, team.Tenant, team.Rep1));
        Assert.Equal(5, await Loaded(db, team.Tenant, team.Outsider));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_visibility_is_a_where_clause_of_the_sql_not_a_filter_in_memory(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var team = await Seed(db);
        await using var context = db.Open(team.Tenant);
        var scope = (await context.ScopeOfAsync(team.Coordenador)).AsT0;

        var sql = context.Accounts.VisibleTo(scope).ToQueryString();

        Assert.Contains("OwnerId", sql, StringComparison.Ordinal);
        Assert.Contains("CompanyId", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_page_by_legal_name_is_the_visible_rows_in_order_and_reads_only_the_page(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var team = await Seed(db);
        await using var context = db.Open(team.Tenant);
        var scope = (await context.ScopeOfAsync(team.Coordenador)).AsT0;
        var all = (await context.Accounts.AsNoTracking().VisibleTo(scope).ToListAsync()).OrderBy(a => a.Data.LegalName, StringComparer.Ordinal).ToList();

        var page = await context.Accounts.VisiblePageByLegalNameAsync(scope, a => a.Id, 2, 4);

        Assert.Equal(all.Skip(2).Take(4).Select(a => a.Id), page.Select(a => a.Id));
        Assert.Equal(4, context.ChangeTracker.Entries().Count());
    }

    // Rows materialized by the query: every one is tracked, so the tracker's count is what the query loaded.
    private static async Task<int> Loaded(TestDatabase db, TenantId tenant, UserId user)
    {
        await using var context = db.Open(tenant);
        var scope = (await context.ScopeOfAsync(user)).AsT0;
        var rows = await context.Accounts.VisibleTo(scope).ToListAsync();
        Assert.Equal(rows.Count, context.ChangeTracker.Entries().Count());
        return rows.Count;
    }
}

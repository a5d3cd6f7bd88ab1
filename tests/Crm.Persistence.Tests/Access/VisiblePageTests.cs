using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence.Access;
using Crm.Persistence.Lists;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Access;

/// <summary>
/// A visible page by legal name is the same whichever path picks its ids: the window of the tenant's first records by
/// name (dense scopes) or the owners' rows (sparse scopes, or a window too short), and as aggregates or list rows.
/// </summary>
public sealed class VisiblePageTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    /// <summary>
    /// 40 accounts of five sellers with names in a scrambled order; a Coordenador over sellers 1 and 2, seller 3 alone;
    /// every account in the company the users work in except those of seller 4, which are in another company.
    /// </summary>
    private static async Task<(VisibilityScope Team, VisibilityScope Alone, VisibilityScope Everyone)> Seed(TestDatabase db)
    {
        var company = new CompanyId(Guid.NewGuid());
        var other = new CompanyId(Guid.NewGuid());
        var sellers = Enumerable.Range(0, 5).Select(i =>
        {
            var user = User.Arrive(new UserId(Guid.NewGuid()), Tenant, $"seller{i}", $"Seller {i}", null, Package.Freemium).AsT0;
            user.AllowCompanies([new CompanyBranch(company, null)]);
            return user;
        }).ToList();
        var hierarchy = Hierarchy.Of(sellers).AsT0;
        sellers[1].ReportTo(sellers[0].Id, hierarchy);
        sellers[2].ReportTo(sellers[0].Id, Hierarchy.Of(sellers).AsT0);
        await using (var write = db.Open(Tenant))
        {
            for (var i = 0; i < 40; i++)
            {
                var owner = sellers[i * 7 % 5];
                write.Accounts.Add(Records.Account(Tenant, i * 37 % 40 + 1, owner.Id, owner == sellers[4] ? other : company));
            }
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        Role Role(DataReach reach) => Crm.Domain.Access.Role.Create(new RoleId(Guid.NewGuid()), Tenant, reach.ToString(), reach, []).AsT0;
        VisibilityScope Scope(User user, DataReach reach) => VisibilityScope.Of(user, EffectiveAccess.Of(user, [Role(reach)]), Hierarchy.Of(sellers).AsT0);
        var team = Role(DataReach.Team);
        sellers[0].AssignRoles([team.Id]);
        return (VisibilityScope.Of(sellers[0], EffectiveAccess.Of(sellers[0], [team]), Hierarchy.Of(sellers).AsT0),
            Scope(sellers[3], DataReach.Own), Scope(sellers[3], DataReach.All));
    }

    private static async Task<List<AccountId>> Expected(CrmDbContext db, VisibilityScope scope, int skip, int take) =>
        [.. (await db.Accounts.AsNoTracking().VisibleTo(scope).ToListAsync())
            .OrderBy(a => a.Data.LegalName, StringComparer.Ordinal).ThenBy(a => a.Id.Value.ToString().ToUpperInvariant(), StringComparer.Ordinal)
            .Skip(skip).Take(take).Select(a => a.Id)];

    [Theory, SqliteData, PostgresData]
    public async Task Both_paths_give_every_page_of_every_scope_in_legal_name_order(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var (team, alone, everyone) = await Seed(db);
        await using var read = db.Open(Tenant);

        foreach (var scope in new[] { team, alone, everyone })
            foreach (var (skip, take) in new[] { (0, 5), (3, 4), (0, 50), (10, 10), (30, 5) })
            {
                var expected = await Expected(read, scope, skip, take);
                // Window 0: the window is the page's end only, so it misses the page and the owners' rows answer;
                // window 1,000: the whole tenant is in the window.
                foreach (var window in new[] { 0, 3, 1_000 })
                    Assert.Equal(expected, await Visibility.PageIdsAsync<Account, AccountId>(read.Accounts, scope, skip, take, window, default));
            }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_page_past_int_max_records_is_empty_rather_than_a_negative_window(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var (team, alone, _) = await Seed(db);
        await using var read = db.Open(Tenant);

        // skip + take + the 5,000-record window exceeds int.MaxValue: in int it wrapped to a negative LIMIT.
        foreach (var scope in new[] { team, alone })
            Assert.Empty(await read.Accounts.VisibleIdsByLegalNameAsync<Account, AccountId>(scope, int.MaxValue - 10, 50));
    }

    [Theory, SqliteData, PostgresData]
    public async Task List_rows_are_the_page_of_aggregates_without_their_documents(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var (team, _, _) = await Seed(db);
        await using var read = db.Open(Tenant);

        var aggregates = await read.Accounts.AsNoTracking().VisiblePageByLegalNameAsync(team, a => a.Id, 2, 6);
        var rows = await read.VisibleRowsByLegalNameAsync(team, 2, 6);

        Assert.Equal(6, rows.Count);
        Assert.Equal(aggregates.Select(a => (a.Id, a.Data.LegalName, a.Data.ShortName?.Value, a.Data.TaxId?.Digits, a.Data.Owner, a.Data.Company, a.ErpSituation)),
            rows.Select(r => (r.Id, r.LegalName, r.ShortName, r.TaxId, r.Owner, r.Company, r.ErpSituation)));
        Assert.Empty(read.ChangeTracker.Entries());
    }
}

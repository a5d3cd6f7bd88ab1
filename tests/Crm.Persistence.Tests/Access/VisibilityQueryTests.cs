using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence.Access;
using Crm.Persistence.Boards;
using Crm.Persistence.Provisioning;
using Crm.Persistence.Tests.Boards;
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
    [Theory, SqliteData, PostgresData]
    public async Task A_user_sees_the_cards_of_the_boards_released_to_it_or_to_someone_its_reach_covers(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var team = await Seed(db);
        var clock = Records.Clock();
        var prospects = new ProspectCardIndex([]);
        await using (var write = db.Open(team.Tenant))
        {
            // Each board is released to its creator, Ana (outside the tenant's team), and to whom it names.
            foreach (var (releasedTo, cards) in new[] { (team.Rep1, 2), (team.Outsider, 3), ((UserId?)null, 1) })
            {
                var board = BoardRecords.Board(team.Tenant, clock, [("Novo", null)]);
                if (releasedTo is { } user)
                    Assert.True(board.Release(user, Records.Ana, clock).IsT0);
                write.Boards.Add(board);
                for (var i = 0; i < cards; i++)
                    write.Cards.Add(BoardRecords.Open(board, 0, $"Cartão {i}", null, prospects, clock));
            }
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        Assert.Equal(6, await Visible(db, team.Tenant, team.Diretor, (c, s, d) => c.Cards.VisibleTo(s, d)));
        Assert.Equal(2, await Visible(db, team.Tenant, team.Coordenador, (c, s, d) => c.Cards.VisibleTo(s, d)));
        Assert.Equal(2, await Visible(db, team.Tenant, team.Rep1, (c, s, d) => c.Cards.VisibleTo(s, d)));
        Assert.Equal(0, await Visible(db, team.Tenant, team.Rep2, (c, s, d) => c.Cards.VisibleTo(s, d)));
        Assert.Equal(3, await Visible(db, team.Tenant, team.Outsider, (c, s, d) => c.Cards.VisibleTo(s, d)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_user_sees_the_contacts_of_the_leads_and_accounts_it_sees_even_after_a_contact_moves(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var team = await Seed(db);
        var clock = Records.Clock();
        await using (var write = db.Open(team.Tenant))
        {
            var owners = new List<Crm.Domain.Accounts.Registration.RegistrationRef>();
            owners.AddRange((await write.Accounts.Select(a => a.Id).ToListAsync()).Select(id => (Crm.Domain.Accounts.Registration.RegistrationRef)id));
            foreach (var (owner, seed) in new[] { (team.Rep2, 100), (team.Outsider, 101) })
            {
                var lead = Records.Lead(team.Tenant, seed, owner, team.Company);
                write.Leads.Add(lead);
                owners.Add(lead.Id);
            }
            foreach (var owner in owners)
                write.Contacts.Add(Contact.Create(new ContactId(Guid.NewGuid()), team.Tenant, owner, new ContactForm("Maria"), Records.Ana, clock).AsT0);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        Assert.Equal(15 + 2, await Visible(db, team.Tenant, team.Diretor, (c, s, d) => c.Contacts.VisibleTo(s, d)));
        Assert.Equal(9 + 1, await Visible(db, team.Tenant, team.Coordenador, (c, s, d) => c.Contacts.VisibleTo(s, d)));
        Assert.Equal(3, await Visible(db, team.Tenant, team.Rep1, (c, s, d) => c.Contacts.VisibleTo(s, d)));
        Assert.Equal(5 + 1, await Visible(db, team.Tenant, team.Outsider, (c, s, d) => c.Contacts.VisibleTo(s, d)));

        // One of the outsider's contacts moves to one of Rep1's accounts (as a merge does): it follows its new owner.
        await using (var move = db.Open(team.Tenant))
        {
            var rep1Account = await move.Accounts.Where(CrmQueries.OwnedBy<Account>([team.Rep1])).Select(a => a.Id).FirstAsync();
            var outsiderAccounts = await move.Accounts.Where(CrmQueries.OwnedBy<Account>([team.Outsider])).Select(a => a.Id).ToListAsync();
            var contact = (await move.Contacts.ToListAsync()).First(c => c.Owner.TryPickT1(out var a, out _) && outsiderAccounts.Contains(a));
            contact.MoveTo(rep1Account, Records.Ana, clock);
            Assert.True((await move.SaveAsync()).IsSaved);
        }
        Assert.Equal(4, await Visible(db, team.Tenant, team.Rep1, (c, s, d) => c.Contacts.VisibleTo(s, d)));
        Assert.Equal(5, await Visible(db, team.Tenant, team.Outsider, (c, s, d) => c.Contacts.VisibleTo(s, d)));
    }

    /// <summary>How many rows <paramref name="query"/> loads for <paramref name="user"/>, checking that only those were read.</summary>
    private static async Task<int> Visible<T>(TestDatabase db, TenantId tenant, UserId user, Func<CrmDbContext, VisibilityScope, CrmDbContext, IQueryable<T>> query)
        where T : class
    {
        await using var context = db.Open(tenant);
        var scope = (await context.ScopeOfAsync(user)).AsT0;
        var rows = await query(context, scope, context).ToListAsync();
        Assert.Equal(rows.Count, context.ChangeTracker.Entries().Count());
        return rows.Count;
    }

    private static async Task<int> Loaded(TestDatabase db, TenantId tenant, UserId user)
    {
        await using var context = db.Open(tenant);
        var scope = (await context.ScopeOfAsync(user)).AsT0;
        var rows = await context.Accounts.VisibleTo(scope).ToListAsync();
        Assert.Equal(rows.Count, context.ChangeTracker.Entries().Count());
        return rows.Count;
    }
}

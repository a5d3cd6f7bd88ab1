using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Catalog;
using Crm.Domain.Identity;
using Crm.Domain.Orders;
using Crm.Domain.Service.Occurrences;
using Crm.Domain.Tenancy;
using Crm.Indicators.Tests.Infrastructure;
using Crm.Persistence.Orders;
using Crm.Persistence.Service;
using Crm.Persistence.Tests.Infrastructure;
using Crm.Tests.Shared;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Indicators.Tests;

/// <summary>
/// A Diretor sees every owner's records of its companies: one whose companies include every company the tenant's records
/// name reads them without any filter, and one whose companies leave one out must still not see that company's records.
/// </summary>
public sealed class CompanyScopeTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_diretor_sees_the_records_of_its_companies_and_those_without_company_never_another_company(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var (x, y, b1) = (new CompanyId(Guid.NewGuid()), new CompanyId(Guid.NewGuid()), new BranchId(Guid.NewGuid()));
        var catalog = ProductCatalog.Build(SalesFixture.Catalog()).AsT0;
        var context = SalesFixture.Context(catalog);
        var owner = new UserId(Guid.NewGuid());
        var totals = new Dictionary<string, decimal>();
        await using (var write = db.Open(tenant))
        {
            var seed = 0;
            foreach (var (name, company, branch) in new (string, CompanyId?, BranchId?)[] { ("x", x, null), ("y", y, null), ("none", null, null), ("x/b1", x, b1) })
            {
                var account = Account.Register(new AccountId(Guid.NewGuid()), tenant,
                    SampleTenant.Valid(SampleTenant.Company(++seed, owner, company) with { Branch = branch }, RegistrationKind.Account), owner, new FakeClock(SampleTenant.Noon(2026, 11, 5)));
                write.Accounts.Add(account);
                write.Contacts.Add(Contact.Create(new ContactId(Guid.NewGuid()), tenant, account.Id,
                    new ContactForm($"Contato {seed}", Phones: [], Emails: [new EmailForm($"c{seed}@exemplo.com.br")], Marketing: []),
                    owner, new FakeClock(SampleTenant.Noon(2026, 11, 5))).AsT0);
                write.Occurrences.Add(OccurrenceRow.From(Occurrence.Open(new OccurrenceId(Guid.NewGuid()), tenant,
                    new OccurrenceForm(account.Id, ServiceChannel.Email, "DUV", "Cliente pede retorno"), OccurrenceSettings.Default, owner,
                    new FakeClock(SampleTenant.Noon(2026, 11, 6))).AsT0, company, branch));
                var at = SampleTenant.Noon(SalesFixture.Today.Year, SalesFixture.Today.Month, SalesFixture.Today.Day);
                var order = SalesOrder.Create(new SalesOrderId(Guid.NewGuid()), tenant, SalesFixture.Header(account.Id, owner) with { SellerRole = "CRM - Usuário" }, owner, at).AsT0;
                Assert.True(order.AddItems([SalesFixture.Item("NB-14", seed)], catalog, owner, at).IsValid);
                Assert.True(order.Recalculate(context, owner, at).IsT0);
                var row = SalesOrderRow.From(order, company, branch);
                (row.Status, row.IssueDate) = (SalesOrderStatus.Released, new LocalDate(2026, 11, 10));
                write.SalesOrders.Add(row);
                totals[name] = order.Totals!.Value.Total;
            }
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        Task<(long Accounts, long Contacts, long Emails, decimal Revenue)> Seen(params CompanyId[] companies) =>
            SeenAs([.. companies.Select(c => new CompanyBranch(c, null))]);
        async Task<(long Accounts, long Contacts, long Emails, decimal Revenue)> SeenAs(CompanyBranch[] companies, bool inCallersTransaction = false)
        {
            var user = User.Arrive(new UserId(Guid.NewGuid()), tenant, "diretor", "Diretor", null, Package.Freemium).AsT0;
            var role = Role.Create(new RoleId(Guid.NewGuid()), tenant, "Diretor", DataReach.All, []).AsT0;
            user.AssignRoles([role.Id]);
            user.AllowCompanies(companies);
            var scope = VisibilityScope.Of(user, EffectiveAccess.Of(user, [role]), Hierarchy.Of([user]).AsT0);
            await using var read = db.Open(tenant);
            await using var transaction = inCallersTransaction ? await read.Database.BeginTransactionAsync() : null;
            var registration = await Indicators.RegistrationAsync(read, scope, SampleTenant.November);
            var service = await Indicators.ServiceAsync(read, scope, SampleTenant.November, SampleTenant.Noon(2026, 12, 15));
            var sales = await Indicators.SalesAsync(read, scope, SampleTenant.November);
            return (registration.Accounts.Current, registration.Contacts.Total, service.Emails.Current, sales.Revenue.Current);
        }

        // Records without company are in every company's view; a whole company covers its branches.
        Assert.Equal((3L, 3L, 3L, totals["x"] + totals["x/b1"] + totals["none"]), await Seen(x));
        Assert.Equal((4L, 4L, 4L, totals.Values.Sum()), await Seen(x, y));
        // No company at all, while the records name some: only the records without company.
        Assert.Equal((1L, 1L, 1L, totals["none"]), await Seen());
        // A branch of a company: that branch's records, not the company's others.
        Assert.Equal((2L, 2L, 2L, totals["x/b1"] + totals["none"]), await SeenAs([new CompanyBranch(x, b1)]));
        // Inside a transaction of the caller's the figures are the same (on PostgreSQL without the unrestricted shortcut).
        Assert.Equal((4L, 4L, 4L, totals.Values.Sum()), await SeenAs([new CompanyBranch(x, null), new CompanyBranch(y, null)], inCallersTransaction: true));
        Assert.Equal((3L, 3L, 3L, totals["x"] + totals["x/b1"] + totals["none"]), await SeenAs([new CompanyBranch(x, null)], inCallersTransaction: true));
    }
}

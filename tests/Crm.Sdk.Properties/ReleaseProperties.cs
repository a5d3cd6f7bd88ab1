using Crm.Domain.Access;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Identity;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Tenancy;
using Crm.Sdk.Matrices;
using Crm.Sdk.Properties.Infrastructure;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Properties;

/// <summary>
/// Issue 14's release property through the engine, on SQLite: whatever the customer's credit and its approved orders of
/// notebooks (20 in stock, 3,850.00 each with IPI), released by customer or one by one through <c>session.Orders</c>, the
/// orders stored as released never take more than the credit left nor the stock, and every other one is stored blocked with
/// its reasons.
/// </summary>
public sealed class ReleaseProperties
{
    /// <summary>A scenario: the credit limit and open balance, the orders' quantities, and whether the release is by customer.</summary>
    public sealed record Scenario(decimal Limit, decimal OpenBalance, int[] Quantities, bool ByCustomer)
    {
        public override string ToString() => $"limit {Limit}, open {OpenBalance}, quantities [{string.Join(", ", Quantities)}], by customer {ByCustomer}";
    }

    [Fact]
    public async Task Release_never_frees_orders_over_the_credit_limit_or_beyond_stock()
    {
        await using var database = await EngineDatabase.Create(Providers.Sqlite);
        var scenarios = from limit in Gen.Choose(0, 60)
                        from balance in Gen.Choose(0, 10)
                        from quantities in Gen.Choose(1, 9).ArrayOf().Select(q => q.Take(5).ToArray())
                        from byCustomer in Gen.Elements(true, false)
                        where quantities.Length > 0
                        select new Scenario(limit * 1_000m, balance * 500m, quantities, byCustomer);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), Prop.ForAll(Arb.From(scenarios), scenario => RunAsync(database, scenario).GetAwaiter().GetResult()));
    }

    private static async Task RunAsync(EngineDatabase database, Scenario scenario)
    {
        var tenant = new TenantId(Guid.NewGuid());
        var diretor = await database.DiretorAsync(tenant);
        Assert.True((await diretor.Catalog.SaveAsync(SalesFixture.Catalog())).Succeeded);
        var taxes = SalesFixture.Taxes();
        Assert.True((await diretor.Matrices.SaveAsync(new MatrixChange<IcmsRule>(0, taxes.Icms.Rules))).Succeeded);
        Assert.True((await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(0, taxes.Ipi.Rules))).Succeeded);
        Assert.True((await diretor.Matrices.SaveAsync(new MatrixChange<PisCofinsRule>(0, taxes.PisCofins.Rules))).Succeeded);
        Assert.True((await diretor.Matrices.SaveAsync(new MatrixChange<CbsIbsRule>(0, taxes.CbsIbs.Rules))).Succeeded);
        Assert.True((await diretor.Matrices.SaveAsync(new MatrixChange<ApprovalRule>(0, SalesFixture.Commercial().Approval!.Rules))).Succeeded);
        var customer = (await diretor.Accounts.RegisterAsync(Forms.Company(7, diretor.User))).AsT0.Id;
        Assert.True((await diretor.Accounts.RecordErpStandingAsync(customer, "C007",
            new ErpStanding(ErpSituation.Active, null, scenario.Limit, null, scenario.OpenBalance, Instant.FromUtc(2026, 11, 30, 8, 0)))).Succeeded);
        var orders = new List<(SalesOrderId Id, long Version)>();
        foreach (var quantity in scenario.Quantities)
        {
            var created = (await diretor.Orders.CreateAsync(SalesFixture.Header(customer, diretor.User) with { IssueDate = new LocalDate(2026, 12, 1) })).AsT0;
            var added = (await diretor.Orders.AddItemsAsync(created.Id, created.Version, [SalesFixture.Item("NB-14", quantity)])).AsT0;
            var submitted = await diretor.Orders.SubmitAsync(created.Id, added.Version);
            Assert.True(submitted.TryPickT0(out var moved, out _), $"{scenario}: {string.Join("; ", submitted.Problems)}");
            orders.Add((created.Id, moved.Version));
        }

        if (scenario.ByCustomer)
            Assert.True((await diretor.Orders.ReleaseCustomerAsync(customer)).Succeeded);
        else
            foreach (var (id, version) in orders)
                Assert.True((await diretor.Orders.ReleaseAsync(id, version)).Succeeded);

        var stored = new List<SalesOrder>();
        foreach (var (id, _) in orders)
            stored.Add((await diretor.Orders.GetAsync(id)).AsT0.Order);
        var released = stored.Where(o => o.Status == SalesOrderStatus.Released).ToList();
        Assert.True(released.Sum(o => o.Totals!.Value.Total) <= Math.Max(0m, scenario.Limit - scenario.OpenBalance), $"{scenario}: credit passed");
        Assert.True(released.Sum(o => o.Items.Sum(i => i.BaseQuantity!.Value)) <= 20m, $"{scenario}: stock passed");
        Assert.All(stored.Except(released), o => Assert.True(o.Status == SalesOrderStatus.Blocked && o.BlockReasons.Count > 0, $"{scenario}: {o.Status}"));
    }
}

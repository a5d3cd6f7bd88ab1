using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;
using Crm.Persistence.Matrices;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Matrices;

/// <summary>The rules of every tax and commercial matrix read back exactly as written, on both providers, confined to their tenant.</summary>
public sealed class MatrixPersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    // A key binding a value of every kind a key holds: codes, UFs, an origin, a CEST, an NCM prefix, both ranges.
    private static readonly MatrixKey Full = new()
    {
        Establishment = "01", Customer = "C001", CustomerGroup = "10", ClientType = "REV", OriginUf = Uf.SP, DestinationUf = Uf.BA,
        Product = "NB-14", ProductLine = "INFO", ProductOrigin = ProductOrigin.ForeignDirectImport, Cest = Cest.Parse("01.003.00").AsT0,
        Unit = "CX", PaymentCondition = "30D", SalesChannel = "WEB", Role = "VENDEDOR", NcmPrefix = "8471.30",
        Validity = new Validity(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), Quantity = new QuantityRange(1.5m, 10m),
    };

    [Theory, SqliteData, PostgresData]
    public async Task Every_matrix_kind_reads_back_its_rules_exactly_and_another_tenant_sees_none(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await RoundTrip(db, new IcmsRule("20", 12.5m, 33.33m, 2m), new IcmsRule("00"));
        await RoundTrip(db, new IcmsStRule(18m, 70.5m, StBase.GreaterOfMvaAndPauta, true, 10m, 3.2m, 2m), new IcmsStRule(18m));
        await RoundTrip(db, new IpiRule("50", 15m, null, "001", false), new IpiRule("53"));
        await RoundTrip(db, new DifalRule(20.5m, DifalMethod.DoubleBase, 2m), new DifalRule(18m, DifalMethod.SingleBase));
        await RoundTrip(db, PisCofinsRule.Cumulative(excludeIcmsFromBase: true), PisCofinsRule.NonCumulative());
        await RoundTrip(db, CbsIbsRule.Test2026, new CbsIbsRule("200", "200001", 0.9m, 0.1m, 0m, 60m, 60m, 60m));
        await RoundTrip(db, new PisCofinsRepasseRule(RepasseKind.ZfmReduction, 1.65m, 7.6m), new PisCofinsRepasseRule(RepasseKind.GrossUp, 0.65m, 3m));
        await RoundTrip(db, new ApprovalRule(5m), new ApprovalRule(30.25m));
        await RoundTrip(db, new CommissionRule(3m), new CommissionRule(0.5m));
        await RoundTrip(db, new CustomerPaymentConditionRule(true, 1.5m), new CustomerPaymentConditionRule(false));
        await RoundTrip(db, new DiscountSurchargeRule(DiscountRate: 5m), new DiscountSurchargeRule(SurchargeRate: 2m));
        await RoundTrip(db, new FreightRule(FreightCharge.PercentOfValue, 3m, 5_000m), new FreightRule(FreightCharge.PerOrder, 50m));
        await RoundTrip(db, new MinimumValueRule(MinimumOrderValue: 500m), new MinimumValueRule(12.3456m));
        await RoundTrip(db, new NegotiationRule("PADRAO", "TAB01", 10m, 15m), new NegotiationRule("WEB", "T2"));
        await RoundTrip(db, new UnitConversionRule(12m, 1m), new UnitConversionRule(0.001m));

        await using var other = db.Open(new TenantId(Guid.NewGuid()));
        Assert.Empty(await other.MatrixRules.ToListAsync());
        Assert.Empty(await other.RulesAsync<IcmsRule>(null, default));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_staged_change_replaces_and_removes_rules_by_id_and_leaves_the_others(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        MatrixRule<ApprovalRule>[] rules = [new("a", MatrixKey.Any, new ApprovalRule(1m)), new("b", Full, new ApprovalRule(2m)), new("c", MatrixKey.Any with { Role = "X" }, new ApprovalRule(3m))];
        await using (var write = db.Open(Tenant))
        {
            await write.StageAsync(rules, [], default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using (var write = db.Open(Tenant))
        {
            await write.StageAsync([new MatrixRule<ApprovalRule>("b", Full, new ApprovalRule(20m))], ["c"], default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        Assert.Equal([rules[0], new MatrixRule<ApprovalRule>("b", Full, new ApprovalRule(20m))], (await read.RulesAsync<ApprovalRule>(null, default)).OrderBy(r => r.Id));
        Assert.Equal([rules[0]], await read.RulesAsync<ApprovalRule>(["a", "c"], default));
        Assert.Equal(["b"], (await read.RulePageAsync<ApprovalRule>(1, 5, default)).Select(r => r.Id));
    }

    /// <summary>Two rules of one matrix (one with every kind of key value, one with none) written and read back equal.</summary>
    private static async Task RoundTrip<TPayload>(TestDatabase db, TPayload full, TPayload plain) where TPayload : IMatrixPayload<TPayload>
    {
        var keyed = Full with { ProductOrigin = TPayload.Dimensions.Contains(Dimension.ProductOrigin) ? Full.ProductOrigin : null };
        MatrixRule<TPayload>[] rules = [new("full", keyed, full), new("plain", MatrixKey.Any, plain)];
        await using (var write = db.Open(Tenant))
        {
            await write.StageAsync(rules, [], default);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var read = db.Open(Tenant);
        Assert.Equal(rules, (await read.RulesAsync<TPayload>(null, default)).OrderBy(r => r.Id, StringComparer.Ordinal));
    }
}

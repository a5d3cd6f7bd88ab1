using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;
using static Crm.Domain.Tests.Taxes.TaxFixtures;

namespace Crm.Domain.Tests.Taxes;

/// <summary>
/// Issue 14's tax leftovers: rates limited to NF-e's 4 decimal places, IPI pauta when the taxable unit is not the unit sold,
/// one table of CST traits, and the breakdown's compact storage.
/// </summary>
public class TaxLeftoverTests
{
    // NF-e's percentage fields (pICMS, pRedBC, pMVAST, pIPI, pPIS, pCOFINS, pFCP) are TDec_0302a04: up to 4 decimal places
    // (Manual de Orientação do Contribuinte, leiaute NF-e 4.00).
    [Fact]
    public void Rates_with_more_than_four_decimal_places_are_refused()
    {
        Assert.True(ItemTaxCalculator.Calculate(Item(1m, 100m), Parameters(ContributorForResale, icmsRate: 18.1234m)).IsValid);
        var result = ItemTaxCalculator.Calculate(Item(1m, 100m), Parameters(ContributorForResale, icmsRate: 18.12345m, ipiRate: 5.00001m));
        Assert.Equal([("icms.rate", TaxCodes.RatePrecision), ("ipi.rate", TaxCodes.RatePrecision)],
            result.Problems.Select(p => (p.Field, p.Code)).OrderBy(p => p.Field));
        // trailing zeros are not places: 18.120000 is 18.12
        Assert.True(ItemTaxCalculator.Calculate(Item(1m, 100m), Parameters(ContributorForResale, icmsRate: 18.120000m)).IsValid);
    }

    [Fact]
    public void A_matrix_rule_with_a_rate_beyond_four_places_is_reported_when_built()
    {
        var built = Matrix<IcmsRule>.Build([new MatrixRule<IcmsRule>("icms-x", MatrixKey.Any, new IcmsRule("00", 12.00001m))]);
        Assert.Contains(built.Problems, p => p.Code == MatrixCodes.PayloadPrecision);
    }

    // A box of 12 sold (qCom 3 CX) whose IPI pauta is R$ 0.50 per taxable unit (uTrib UN): qTrib = 36, vIPI = 36 × 0.50 = 18.00.
    [Fact]
    public void Ipi_pauta_is_charged_per_taxable_unit_when_it_differs_from_the_unit_sold()
    {
        var parameters = Parameters(ContributorForResale, ipi: new IpiParameters(0m, "ipi-pauta", AmountPerUnit: 0.50m, Cst: "50", TaxableUnitsPerUnit: 12m));
        var taxes = Calculate(Item(3m, 120m), parameters);
        Assert.Equal(new TaxLine(36m, 0.50m, 18.00m, "ipi-pauta"), taxes.Ipi);

        var same = Calculate(Item(3m, 120m), Parameters(ContributorForResale, ipi: IpiParameters.PerUnit(0.50m, "ipi-pauta")));
        Assert.Equal(1.50m, same.Ipi.Value);
    }

    // The same box, its taxable units carried by the item (a fact of the product sold) instead of the IPI rule's parameters.
    [Fact]
    public void Ipi_pauta_is_charged_per_taxable_unit_the_item_carries()
    {
        var boxes = Item(3m, 120m).WithTaxableUnits(12m).AsT0;
        var taxes = Calculate(boxes, Parameters(ContributorForResale, ipi: IpiParameters.PerUnit(0.50m, "ipi-pauta")));
        Assert.Equal(new TaxLine(36m, 0.50m, 18.00m, "ipi-pauta"), taxes.Ipi);
        Assert.Equal(12m, boxes.TaxableUnitsPerUnit);
    }

    [Fact]
    public void An_item_refuses_a_negative_number_of_taxable_units()
    {
        var refused = Item(3m, 120m).WithTaxableUnits(-1m);
        Assert.Equal(("taxable_units_per_unit", TaxCodes.Negative), Assert.Single(refused.Problems.Select(p => (p.Field, p.Code))));
    }

    [Fact]
    public void Every_cst_the_calculator_knows_is_a_code_of_the_icms_matrix_and_no_other()
    {
        var candidates = Enumerable.Range(0, 100).Select(i => $"{i:D2}").Concat(Enumerable.Range(0, 1000).Select(i => $"{i:D3}"));
        Assert.Equal(IcmsRule.Codes.Order(StringComparer.Ordinal), candidates.Where(c => IcmsCsts.Of(c) != IcmsCstTraits.Unknown).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rewriting_a_value_that_does_not_fit_in_eight_bytes_reuses_its_place()
    {
        var huge = decimal.MaxValue / 3m;
        var values = new TaxValues();
        for (var i = 0; i < 10; i++)
            values.Icms = huge - i;
        values.Cbs = huge;
        values.Icms = 1.25m;
        Assert.Equal((1.25m, huge, 2), (values.Icms, values.Cbs, values.OverflowPlaces));
    }
}

using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;
using static Crm.Domain.Tests.Taxes.TaxFixtures;

namespace Crm.Domain.Tests.Taxes;

/// <summary>Issue 14's tax leftovers: rates limited to NF-e's 4 decimal places, and IPI pauta when the taxable unit is not the unit sold.</summary>
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
}

using Crm.Domain.Matrices;
using Crm.Domain.Pricing;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;
using FsCheck;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Pricing.PricingFixture;

namespace Crm.Domain.Tests.Pricing;

/// <summary>The unit price the pipeline puts on the invoice (vUnCom, up to 10 places) and the ICMS "por dentro" gross-up.</summary>
public class InvoicePriceTests
{
    // OCA/l10n-brazil l10n_br_fiscal/tests/test_fiscal_tax.py @03c47ae0, test_compute_taxes_01: 11 × 3.143539 → vProd 34.58.
    // Rounding the unit price to cents first (3.14) would give 34.54.
    [Fact]
    public void A_unit_price_with_six_decimals_reaches_the_invoice_whole_and_only_vProd_is_rounded()
    {
        var sources = Sources() with { ListPrice = Resolver(("list-P6", new MatrixKey { Product = "P6" }, 3.143539m)) };

        var line = Priced(Order(Header(), Line(product: "P6", quantity: 11m)), sources).Lines[0];

        Assert.Equal(3.143539m, line.UnitPrice);
        Assert.Equal(new PriceStep(PriceStepKind.ListPrice, 3.143539m, 0m, "list-P6"), line.Steps[0]);
        Assert.Equal(34.58m, line.Taxes.Product);
    }

    // TOTVS TDN "Preparação de Documento de Saída - Rateio das Despesas Acessórias" (http://tdn.totvs.com/pages/viewpage.action?pageId=307848331):
    // with MV_ARREFAT = N (truncate) and C6_PRCVEN of 5 decimals, 4 × 2,61975 = 10,47; 6 × 19,13433 = 114,80; 3 × 6,06649 = 18,19.
    [Theory]
    [InlineData(4, 2.61975, 10.47, 10.48)]
    [InlineData(6, 19.13433, 114.80, 114.81)]
    [InlineData(3, 6.06649, 18.19, 18.20)]
    public void Protheus_truncates_vProd_of_a_five_decimal_price(int quantity, decimal price, decimal truncated, decimal halfUp)
    {
        var list = Resolver(("list-PX", new MatrixKey { Product = "PX" }, price));
        var order = Order(Header(), Line(product: "PX", quantity: quantity));

        var protheus = Priced(order, Sources(new RoundingProfile(Product: RoundingPolicy.Truncate)) with { ListPrice = list }).Lines[0];
        var halfUpLine = Priced(order, Sources() with { ListPrice = list }).Lines[0];

        Assert.Equal((price, truncated), (protheus.UnitPrice, protheus.Taxes.Product));
        Assert.Equal(halfUp, halfUpLine.Taxes.Product);
    }

    [Fact]
    public void A_price_beyond_ten_places_is_rounded_to_ten_as_vUnCom_allows()
    {
        var sources = Sources() with { ListPrice = Resolver(("list-P7", new MatrixKey { Product = "P7" }, 100m / 3m)) };

        var line = Priced(Order(Header(), Line(product: "P7", quantity: 3m)), sources).Lines[0];

        Assert.Equal(33.3333333333m, line.UnitPrice);
        Assert.Equal(100m, line.Taxes.Product);
        Assert.False(TaxItem.Create(1m, 33.33333333333m).IsValid); // the item itself refuses an 11th place
    }

    // Control CG, "Cálculo do ICMS por dentro" (https://controlcg.com/dicas/calculo-do-icms-por-dentro): to keep R$ 1.450,00 net
    // at 18 %, 1.450,00 / 0,82 = 1.768,29, whose ICMS is 318,29, and 1.768,29 − 318,29 = 1.450,00.
    [Fact]
    public void Prices_net_of_icms_are_grossed_up_por_dentro_when_the_company_says_so()
    {
        var list = Resolver(("list-NET", new MatrixKey { Product = "NET" }, 1450m));
        var order = Order(Header(), Line(product: "NET"));

        var grossed = Priced(order, Sources() with { ListPrice = list, IcmsGrossUp = true }).Lines[0];
        var plain = Priced(order, Sources() with { ListPrice = list }).Lines[0];

        Assert.Equal(new PriceStep(PriceStepKind.IcmsGrossUp, 1768.2926829268m, 18m, "icms-sp-sp"), grossed.Steps[1]);
        Assert.Equal((1768.29m, 318.29m), (grossed.Taxes.Product, grossed.Taxes.Icms.Value));
        Assert.Equal(1450m, grossed.Taxes.Product - grossed.Taxes.Icms.Value);
        Assert.Equal(1450m, plain.UnitPrice);
        Assert.DoesNotContain(plain.Steps, s => s.Kind == PriceStepKind.IcmsGrossUp);
    }

    // gross × (1 − pICMS) = net: after the ICMS the line bears, the seller keeps the table price, within the cent of vProd's rounding.
    [Property]
    public bool The_icms_gross_up_leaves_the_table_price_net_of_icms(PositiveInt priceCents, byte rateSeed, byte fcpSeed)
    {
        var net = priceCents.Get % 10_000_000 / 100m + 0.01m;
        var rate = rateSeed % 30 + fcpSeed % 4 * 0.25m;
        var fcp = fcpSeed % 3;
        var sources = Sources() with
        {
            ListPrice = Resolver(("list-Q", new MatrixKey { Product = "Q" }, net)),
            Icms = Resolver(("icms-q", MatrixKey.Any, new IcmsParameters("00", rate, "icms-q", FcpRate: fcp))),
            IcmsGrossUp = true,
        };

        var taxes = Priced(Order(Header(), Line(product: "Q")), sources).Lines[0].Taxes;

        return Math.Abs(taxes.Product - taxes.Icms.Value - taxes.Fcp.Value - net) <= 0.02m;
    }
}

using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;
using static Crm.Domain.Tests.Taxes.TaxFixtures;

namespace Crm.Domain.Tests.Taxes;

public class ItemTaxCalculatorTests
{
    // OCA/l10n-brazil l10n_br_fiscal/tests/test_fiscal_tax.py @03c47ae0, test_compute_taxes_01: 11 × 3.143539,
    // CFOP 6101 to a final consumer, IPI 15 %, ICMS 7 %, PIS 0.65 %, COFINS 3 %, IBS 0.1 %, CBS 0.9 %.
    [Fact]
    public void Oca_sale_to_final_consumer_puts_ipi_in_the_icms_base_and_cbs_ibs_on_the_net_base()
    {
        var parameters = Parameters(InterstateConsumer, ipiRate: 15m, icmsRate: 7m,
            pisCofins: PisCofinsParameters.Cumulative("pc"), ibsCbs: IbsCbsParameters.Test2026("rtc"));

        var taxes = Calculate(Item(11m, 3.143539m), parameters);

        Assert.Equal(34.58m, taxes.Product);
        Assert.Equal(new TaxLine(34.58m, 15m, 5.19m, "ipi-rule"), taxes.Ipi);
        Assert.True(taxes.IpiInIcmsBase);
        Assert.Equal(new TaxLine(39.77m, 7m, 2.78m, "icms-rule"), taxes.Icms);
        Assert.Equal(new TaxLine(34.58m, 0.65m, 0.22m, "pc"), taxes.Pis);
        Assert.Equal(new TaxLine(34.58m, 3.00m, 1.04m, "pc"), taxes.Cofins);
        Assert.Equal(new TaxLine(30.54m, 0.90m, 0.27m, "rtc"), taxes.Cbs);
        Assert.Equal(new TaxLine(30.54m, 0.10m, 0.03m, "rtc"), taxes.IbsUf);
        Assert.Equal(0m, taxes.IbsMun.Value);
        Assert.Equal(0.03m, taxes.Ibs);
    }

    // Same file, test_compute_taxes_02: ind_final = no, a contributor buying for resale: IPI stays out of the ICMS base.
    [Fact]
    public void Oca_sale_between_contributors_keeps_ipi_out_of_the_icms_base()
    {
        var taxes = Calculate(Item(11m, 3.143539m), Parameters(InterstateContributor, ipiRate: 15m, icmsRate: 7m));

        Assert.False(taxes.IpiInIcmsBase);
        Assert.Equal(new TaxLine(34.58m, 7m, 2.42m, "icms-rule"), taxes.Icms);
        Assert.Equal(5.19m, taxes.Ipi.Value);
    }

    [Theory]
    [InlineData(IeIndicator.Contributor, false, false)]
    [InlineData(IeIndicator.Contributor, true, true)]
    [InlineData(IeIndicator.Exempt, false, true)]
    [InlineData(IeIndicator.NonContributor, false, true)]
    public void Ipi_enters_the_icms_base_for_final_consumers_and_non_contributors(IeIndicator ie, bool finalConsumer, bool expected)
    {
        var taxes = Calculate(Item(1m, 100m), Parameters(new Recipient(ie, finalConsumer, Interstate: false), ipiRate: 10m, icmsRate: 18m));

        Assert.Equal(expected, taxes.IpiInIcmsBase);
        Assert.Equal(expected ? 110m : 100m, taxes.Icms.Base);
    }

    // AutomacaoNet/MotorTributarioNet src/TestesUnitarios/Cst/Cst70Test.cs @7a7d2f4a: 100.00 at 18 % with pRedBC 10 % → base 90.00, ICMS 16.20.
    [Fact]
    public void Base_reduction_applies_before_the_rate()
    {
        var taxes = Calculate(Item(1m, 100m), Parameters(ContributorForResale, icmsRate: 18m, cst: "20", icmsReduction: 10m));

        Assert.Equal(new TaxLine(90m, 18m, 16.20m, "icms-rule", 10m), taxes.Icms);
    }

    // FCP is its own field on the ICMS base (N17a–N17c, DFe.NET ICMS00.cs); pICMS does not include it.
    [Fact]
    public void Fcp_is_computed_on_the_icms_base_in_its_own_field()
    {
        var taxes = Calculate(Item(1m, 1000m), Parameters(ContributorForResale, icmsRate: 18m, fcpRate: 2m));

        Assert.Equal(180m, taxes.Icms.Value);
        Assert.Equal(new TaxLine(1000m, 2m, 20m, "icms-rule"), taxes.Fcp);
    }

    // MotorTributarioNet src/TestesUnitarios/CalculoIcmsStTest.cs @7a7d2f4a, TestaIcmsSt: 2000.00, IPI 15 %, ICMS 18 %,
    // MVA 40 %, ST 18 % → own ICMS 360.00, ST base (2000 + 300) × 1.4 = 3220.00, ICMS-ST 579.60 − 360.00 = 219.60.
    [Fact]
    public void St_base_includes_ipi_and_the_own_icms_is_deducted()
    {
        var st = new IcmsStParameters(Mva: 40m, Rate: 18m, Source: "st-rule");
        var taxes = Calculate(Item(1m, 2000m), Parameters(ContributorForResale, ipiRate: 15m, icmsRate: 18m, cst: "10", st: st));

        Assert.Equal(360m, taxes.Icms.Value);
        Assert.Equal(new TaxLine(3220m, 18m, 219.60m, "st-rule"), taxes.IcmsSt);
        Assert.Equal(2000m + 300m + 219.60m, taxes.ItemTotal);
    }

    // Same file, TestaIcmsStValorSt: 10000.00 + freight 80.00 + insurance 20.00, ICMS 7 %, MVA 40 %, ST 18 % → ICMS-ST 1838.20.
    [Fact]
    public void St_base_includes_freight_and_insurance()
    {
        var st = new IcmsStParameters(Mva: 40m, Rate: 18m, Source: "st-rule");
        var taxes = Calculate(Item(1m, 10000m, freight: 80m, insurance: 20m), Parameters(InterstateContributor, icmsRate: 7m, cst: "10", st: st));

        Assert.Equal(14140m, taxes.IcmsSt.Base);
        Assert.Equal(1838.20m, taxes.IcmsSt.Value);
    }

    // Adjusted MVA (Conv. ICMS 104/2008): MVA 45 %, interstate 12 %, MG internal 18 % → 55.61 % as computed in
    // https://www.contabeis.com.br/forum/tributos-estaduais-municipais/140675/duvida-mva-ajustada-icms-st
    // (pMVAST keeps 4 places: 55.6098).
    [Fact]
    public void Adjusted_mva_follows_the_convenio_formula()
    {
        var mva = ItemTaxCalculator.AdjustedMva(45m, 12m, 18m);

        Assert.Equal(55.6098m, mva);
        Assert.Equal(55.61m, decimal.Round(mva, 2));
        Assert.Equal(45m, ItemTaxCalculator.AdjustedMva(45m, 18m, 18m));
    }

    // The same operation priced: 1000.00 at 12 % interstate, adjusted MVA 55.6098 %, ST 18 %
    // → base r2(1000 × 1.556098) = 1556.10, ICMS-ST r2(280.098) − 120.00 = 160.10.
    [Fact]
    public void Interstate_st_uses_the_adjusted_mva_when_the_rule_asks_for_it()
    {
        var st = new IcmsStParameters(Mva: 45m, Rate: 18m, Source: "st-mg", AdjustMva: true);
        var taxes = Calculate(Item(1m, 1000m), Parameters(InterstateContributor, icmsRate: 12m, cst: "10", st: st));

        Assert.Equal(55.6098m, taxes.StMva);
        Assert.Equal(new TaxLine(1556.10m, 18m, 160.10m, "st-mg"), taxes.IcmsSt);
    }

    [Fact]
    public void St_base_reduction_and_fcp_st_deduct_the_own_values()
    {
        // 100.00, ICMS 18 % + FCP 2 %, MVA 100 %, pRedBCST 10 %, ST 18 % + FCP-ST 2 %:
        // ST base 100 × 2 × 0.9 = 180.00; ST 32.40 − 18.00 = 14.40; FCP-ST 3.60 − 2.00 = 1.60.
        var st = new IcmsStParameters(Mva: 100m, Rate: 18m, Source: "st", BaseReduction: 10m, FcpRate: 2m);
        var taxes = Calculate(Item(1m, 100m), Parameters(ContributorForResale, icmsRate: 18m, fcpRate: 2m, cst: "10", st: st));

        Assert.Equal(new TaxLine(180m, 18m, 14.40m, "st", 10m), taxes.IcmsSt);
        Assert.Equal(new TaxLine(180m, 2m, 1.60m, "st"), taxes.FcpSt);
        Assert.Equal(100m + 14.40m + 1.60m, taxes.ItemTotal);
    }

    [Fact]
    public void Pauta_sets_the_st_base_and_can_act_as_a_floor()
    {
        // 10 units at 5.00 with a pauta of 8.00 per unit: the MVA base 50 × 1.3 = 65.00 is below 10 × 8 = 80.00.
        var pauta = new IcmsStParameters(Mva: 30m, Rate: 18m, Source: "st", Mode: StBase.Pauta, Pauta: 8m);
        var floor = new IcmsStParameters(Mva: 30m, Rate: 18m, Source: "st", Mode: StBase.GreaterOfMvaAndPauta, Pauta: 8m);
        var mvaOnly = new IcmsStParameters(Mva: 30m, Rate: 18m, Source: "st", Mode: StBase.Mva, Pauta: 8m);
        var item = Item(10m, 5m);

        Assert.Equal(80m, Calculate(item, Parameters(ContributorForResale, icmsRate: 18m, cst: "10", st: pauta)).IcmsSt.Base);
        Assert.Equal(80m, Calculate(item, Parameters(ContributorForResale, icmsRate: 18m, cst: "10", st: floor)).IcmsSt.Base);
        Assert.Equal(65m, Calculate(item, Parameters(ContributorForResale, icmsRate: 18m, cst: "10", st: mvaOnly)).IcmsSt.Base);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("202")]
    public void Cst_30_and_simples_st_deduct_a_notional_own_icms_that_the_invoice_does_not_show(string cst)
    {
        // 1000.00 at 12 % interstate, MVA 40 %, ST 18 %: ST base 1400.00 → 252.00 − notional own ICMS 120.00 = 132.00;
        // the ICMS30 / ICMSSN202 groups carry no vICMS, so the own ICMS is 0 on the invoice and in the item total.
        var st = new IcmsStParameters(Mva: 40m, Rate: 18m, Source: "st");
        var taxes = Calculate(Item(1m, 1000m), Parameters(InterstateContributor, icmsRate: 12m, cst: cst, st: st));

        Assert.Equal(TaxLine.None, taxes.Icms);
        Assert.Equal(120m, taxes.StOwnIcms);
        Assert.Equal(132m, taxes.IcmsSt.Value);
        Assert.Equal(1132m, taxes.ItemTotal);
    }

    [Fact]
    public void St_never_goes_below_zero()
    {
        // Own ICMS 12 % on a pauta base below the operation value: the ST would be negative; it is floored at 0
        // (Engenere/l10n-brazil l10n_br_fiscal/models/tax.py @0ca0a834).
        var st = new IcmsStParameters(Mva: 0m, Rate: 12m, Source: "st", Mode: StBase.Pauta, Pauta: 1m);
        var taxes = Calculate(Item(1m, 100m), Parameters(ContributorForResale, icmsRate: 12m, cst: "10", st: st));

        Assert.Equal(0m, taxes.IcmsSt.Value);
    }

    // MotorTributarioNet src/TestesUnitarios/CalculoDifalFcpTest.cs @00c246fd: 845.00 + freight 35.00 + other 80.00
    // − discount 10.00 + IPI 50.00 = base 1000.00; interstate 12 %, internal 18 %, FCP 2 % → DIFAL 60.00, FCP 20.00.
    [Fact]
    public void Difal_single_base_uses_the_icms_base_with_ipi_freight_and_other_expenses()
    {
        var parameters = Parameters(InterstateConsumer, icmsRate: 12m,
            difal: new DifalParameters(18m, DifalMethod.SingleBase, "difal-rule", DestinationFcpRate: 2m),
            ipi: new IpiParameters(0m, "ipi-rule", AmountPerUnit: 50m));

        var taxes = Calculate(Item(1m, 845m, freight: 35m, other: 80m, discount: 10m), parameters);

        Assert.Equal(1000m, taxes.Icms.Base);
        Assert.Equal(DifalMethod.SingleBase, taxes.DifalMethod);
        Assert.Equal(new TaxLine(1000m, 18m, 60m, "difal-rule"), taxes.Difal);
        Assert.Equal(new TaxLine(1000m, 2m, 20m, "difal-rule"), taxes.FcpDestination);
    }

    // Base dupla: [(V − ICMS origem) / (1 − ALQ interna)] × ALQ interna − ICMS origem
    // (http://www.fbsolutions.com.br/erp-totvs-protheus/fiscais/configurador-de-tributos-protheus-exemplo-de-memoria-de-calculo/).
    // 1000.00 at 7 % to AC (19 %): base 930 / 0.81 = 1148.15 and destination ICMS 218.15, as worked at
    // https://gc.glorian.com.br/mod/page/view.php?id=2608; the seller's DIFAL is 218.15 − 70.00 = 148.15.
    [Fact]
    public void Difal_double_base_grosses_up_the_base_with_the_destination_rate()
    {
        var parameters = Parameters(InterstateConsumer, icmsRate: 7m, difal: new DifalParameters(19m, DifalMethod.DoubleBase, "difal-ac"));

        var taxes = Calculate(Item(1m, 1000m), parameters);

        Assert.Equal(70m, taxes.Icms.Value);
        Assert.Equal(new TaxLine(1148.15m, 19m, 148.15m, "difal-ac"), taxes.Difal);
    }

    [Fact]
    public void Difal_double_base_including_fcp_uses_rate_plus_fcp_in_the_divisor()
    {
        // OCA's variant: 1000.00 at 12 %, destination 18 % + FCP 2 % → base 880 / 0.80 = 1100.00; DIFAL 198 − 120 = 78.00; FCP 22.00.
        var difal = new DifalParameters(18m, DifalMethod.DoubleBaseIncludingFcp, "difal", DestinationFcpRate: 2m);
        var taxes = Calculate(Item(1m, 1000m), Parameters(InterstateConsumer, icmsRate: 12m, difal: difal));

        Assert.Equal(new TaxLine(1100m, 18m, 78m, "difal"), taxes.Difal);
        Assert.Equal(22m, taxes.FcpDestination.Value);
    }

    [Theory]
    [InlineData(IeIndicator.Contributor, true, true)]   // contributor for use: the buyer owes DIFAL
    [InlineData(IeIndicator.NonContributor, true, false)] // same UF: no DIFAL
    [InlineData(IeIndicator.NonContributor, false, true)] // not a final consumer
    public void Difal_is_charged_by_the_seller_only_on_interstate_sales_to_non_contributor_consumers(IeIndicator ie, bool finalConsumer, bool interstate)
    {
        var difal = new DifalParameters(18m, DifalMethod.SingleBase, "difal");
        var taxes = Calculate(Item(1m, 1000m), Parameters(new Recipient(ie, finalConsumer, interstate), icmsRate: 12m, difal: difal));

        Assert.Null(taxes.DifalMethod);
        Assert.Equal(TaxLine.None, taxes.Difal);
    }

    // Non-cumulative PIS/COFINS (OCA data tax_pis_1_65 / tax_cofins_7_6) with the Tema 69 exclusion of the ICMS
    // shown on the invoice (STF RE 574.706): base 1000.00 − 180.00 = 820.00 → PIS 13.53, COFINS 62.32.
    [Fact]
    public void Pis_cofins_exclude_the_icms_under_tema_69()
    {
        var excluded = Calculate(Item(1m, 1000m), Parameters(ContributorForResale, icmsRate: 18m, pisCofins: PisCofinsParameters.NonCumulative("pc", excludeIcms: true)));
        var included = Calculate(Item(1m, 1000m), Parameters(ContributorForResale, icmsRate: 18m, pisCofins: PisCofinsParameters.NonCumulative("pc")));

        Assert.Equal(new TaxLine(820m, 1.65m, 13.53m, "pc"), excluded.Pis);
        Assert.Equal(new TaxLine(820m, 7.60m, 62.32m, "pc"), excluded.Cofins);
        Assert.Equal(16.50m, included.Pis.Value);
        Assert.Equal(76.00m, included.Cofins.Value);
    }

    [Fact]
    public void Pis_cofins_base_never_holds_ipi_and_can_exclude_fcp()
    {
        var pisCofins = new PisCofinsParameters(PisCofinsRegime.NonCumulative, 1.65m, 7.60m, "pc", ExcludeIcms: true, ExcludeFcp: true);
        var taxes = Calculate(Item(1m, 1000m), Parameters(InterstateConsumer, ipiRate: 10m, icmsRate: 12m, fcpRate: 2m, pisCofins: pisCofins));

        // ICMS base 1100 (IPI in), ICMS 132.00, FCP 22.00: PIS/COFINS base 1000 − 132 − 22 = 846.00.
        Assert.Equal(846m, taxes.Pis.Base);
    }

    // MotorTributarioNet src/TestesUnitarios/CalculoCbsTest.cs @3bb3e8bb: the UB16-10 base 1000 − PIS 16.50 − COFINS 76.00
    // − ICMS 180.00 = 727.50; CBS 8 % → 58.20 (their illustrative rates, not 2026's).
    [Fact]
    public void Cbs_base_removes_pis_cofins_and_icms()
    {
        var taxes = Calculate(Item(1m, 1000m), Parameters(ContributorForResale, icmsRate: 18m,
            pisCofins: PisCofinsParameters.NonCumulative("pc"), ibsCbs: new IbsCbsParameters(8m, 0m, 0m, "rtc")));

        Assert.Equal(new TaxLine(727.50m, 8m, 58.20m, "rtc"), taxes.Cbs);
    }

    [Fact]
    public void Cbs_ibs_base_also_removes_fcp_and_difal()
    {
        // 1000.00 at 12 % + FCP 0; DIFAL single base 18 % → 60.00, destination FCP 2 % → 20.00:
        // UB16-10 base 1000 − 120 − 60 − 20 = 800.00 → CBS 7.20, IBS-UF 0.80.
        var difal = new DifalParameters(18m, DifalMethod.SingleBase, "difal", DestinationFcpRate: 2m);
        var taxes = Calculate(Item(1m, 1000m), Parameters(InterstateConsumer, icmsRate: 12m, difal: difal, ibsCbs: IbsCbsParameters.Test2026("rtc")));

        Assert.Equal(800m, taxes.Cbs.Base);
        Assert.Equal(7.20m, taxes.Cbs.Value);
        Assert.Equal(0.80m, taxes.IbsUf.Value);
    }

    // LC 214/2025 art. 348 III a: the 2026 rates apply with the reductions; a 60 % reduction gives pAliqEfet
    // CBS 0.36 %, IBS-UF 0.04 % (gRed, UB26).
    [Fact]
    public void Cbs_ibs_2026_rates_apply_the_rate_reduction()
    {
        var taxes = Calculate(Item(1m, 1500m), Parameters(ContributorForResale, ibsCbs: IbsCbsParameters.Test2026("rtc", rateReduction: 60m)));

        Assert.Equal(new TaxLine(1500m, 0.36m, 5.40m, "rtc", 60m), taxes.Cbs);
        Assert.Equal(new TaxLine(1500m, 0.04m, 0.60m, "rtc", 60m), taxes.IbsUf);
    }

    // "Em 2026 não somar vIBSUF, vIBSMun, vCBS" (NT 2025.002 VB01-10); 1500.00 × 0.1 % = 1.50, a percentage not a
    // coefficient (https://suporte.nuvemfiscal.com.br/t/erro-318-e-316-na-emissao-de-cte-com-ibs-contradicao-na-validacao-da-sefaz/4122).
    [Fact]
    public void Cbs_ibs_are_shown_but_not_added_to_the_item_total_in_2026()
    {
        var in2026 = Calculate(Item(1m, 1500m), Parameters(ContributorForResale, ibsCbs: IbsCbsParameters.Test2026("rtc")));
        var later = Calculate(Item(1m, 1500m), Parameters(ContributorForResale, ibsCbs: new IbsCbsParameters(0.90m, 0.10m, 0m, "rtc", AddsToItemTotal: true)));

        Assert.Equal(1.50m, in2026.IbsUf.Value);
        Assert.Equal(13.50m, in2026.Cbs.Value);
        Assert.False(in2026.IbsCbsInTotal);
        Assert.Equal(1500m, in2026.ItemTotal);
        Assert.Equal(1500m + 1.50m + 13.50m, later.ItemTotal);
    }

    [Fact]
    public void Unconditional_discount_leaves_every_base_and_freight_enters_them()
    {
        // 1000 − 100 discount + 50 freight + 20 insurance + 30 other = 1000.00 for IPI, ICMS and PIS.
        var taxes = Calculate(Item(1m, 1000m, freight: 50m, insurance: 20m, other: 30m, discount: 100m),
            Parameters(ContributorForResale, ipiRate: 10m, icmsRate: 18m, pisCofins: PisCofinsParameters.Cumulative("pc")));

        Assert.Equal(1000m, taxes.OperationValue);
        Assert.Equal(1000m, taxes.Ipi.Base);
        Assert.Equal(1000m, taxes.Icms.Base);
        Assert.Equal(1000m, taxes.Pis.Base);
        Assert.Equal(1000m + 100m, taxes.ItemTotal); // vProd − vDesc + vFrete + vSeg + vOutro + vIPI
    }

    [Fact]
    public void Freight_leaves_the_ipi_base_for_a_company_with_a_court_order()
    {
        var parameters = Parameters(ContributorForResale, ipi: new IpiParameters(10m, "ipi", FreightInBase: false));

        var taxes = Calculate(Item(1m, 1000m, freight: 50m), parameters);

        Assert.Equal(1000m, taxes.Ipi.Base);
        Assert.Equal(100m, taxes.Ipi.Value);
    }

    [Fact]
    public void Specific_ipi_is_quantity_times_the_amount_per_unit()
    {
        var parameters = Parameters(ContributorForResale, ipi: new IpiParameters(0m, "ipi", AmountPerUnit: 0.35m));

        var taxes = Calculate(Item(12m, 10m), parameters);

        Assert.Equal(new TaxLine(12m, 0.35m, 4.20m, "ipi"), taxes.Ipi);
    }

    [Fact]
    public void Invalid_parameters_list_every_problem()
    {
        var parameters = Parameters(ContributorForResale, ipiRate: -1m, icmsRate: 120m, cst: "00", icmsReduction: 10m,
            pisCofins: new PisCofinsParameters(PisCofinsRegime.Cumulative, 0.65m, 3m, ""));

        var result = ItemTaxCalculator.Calculate(Item(1m, 10m), parameters);

        Assert.False(result.IsValid);
        Assert.Equal(
            [("ipi.rate", TaxCodes.Negative), ("icms.rate", TaxCodes.RateRange), ("icms.base_reduction", TaxCodes.IcmsCstMismatch), ("pis_cofins.source", TaxCodes.SourceMissing)],
            result.Problems.Select(p => (p.Field, p.Code)));
    }

    [Theory]
    [InlineData("10", false, TaxCodes.StCstMismatch)]
    [InlineData("00", true, TaxCodes.StCstMismatch)]
    [InlineData("99", false, TaxCodes.Cst)]
    public void Cst_must_agree_with_the_st_parameters(string cst, bool withSt, string code)
    {
        var st = withSt ? new IcmsStParameters(40m, 18m, "st") : (IcmsStParameters?)null;
        var result = ItemTaxCalculator.Calculate(Item(1m, 10m), Parameters(ContributorForResale, icmsRate: 18m, cst: cst, st: st));

        Assert.Equal(code, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Exempt_cst_cannot_carry_an_icms_rate()
    {
        var result = ItemTaxCalculator.Calculate(Item(1m, 10m), Parameters(ContributorForResale, icmsRate: 18m, cst: "40"));

        Assert.Equal(TaxCodes.IcmsCstMismatch, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Item_values_list_every_problem()
    {
        var result = TaxItem.Create(-1m, 10m, freight: 1.001m, discount: -2m);

        Assert.Equal(
            [("quantity", TaxCodes.Negative), ("freight", TaxCodes.Precision), ("discount", TaxCodes.Negative)],
            result.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal(TaxCodes.DiscountExceedsValue, Assert.Single(TaxItem.Create(1m, 10m, discount: 10.01m).Problems).Code);
    }

    // NT 2025.002-RTC: gIBSUF (UB17) and gIBSMun (UB36) each carry their own gRed {pRedAliq, pAliqEfet}, pAliqEfet = p × (1 − pRedAliq).
    // Rates of 2027–2028, IBS-UF 0.05 % and IBS-Mun 0.05 % (https://cliente.consistem.com.br/ct-e-nova-versao-inclui-ibs-e-novas-regras-de-validacao);
    // a 60 % reduction of LC 214/2025 (art. 128) granted on the state share only: UF 0.02 %, Mun 0.05 %.
    [Fact]
    public void Ibs_uf_and_ibs_mun_each_apply_their_own_rate_reduction()
    {
        var ibsCbs = new IbsCbsParameters(0.90m, 0.05m, 0.05m, "rtc", CbsReduction: 60m, IbsUfReduction: 60m, IbsMunReduction: 0m);

        var taxes = Calculate(Item(1m, 1000m), Parameters(ContributorForResale, ibsCbs: ibsCbs));

        Assert.Equal(new TaxLine(1000m, 0.36m, 3.60m, "rtc", 60m), taxes.Cbs);
        Assert.Equal(new TaxLine(1000m, 0.02m, 0.20m, "rtc", 60m), taxes.IbsUf);
        Assert.Equal(new TaxLine(1000m, 0.05m, 0.50m, "rtc", 0m), taxes.IbsMun);
        Assert.Equal(0.70m, taxes.Ibs);
    }

    [Fact]
    public void Ibs_reductions_are_checked_per_group()
    {
        var ibsCbs = new IbsCbsParameters(0.90m, 0.10m, 0m, "rtc", IbsUfReduction: -1m, IbsMunReduction: 101m);

        var result = ItemTaxCalculator.Calculate(Item(1m, 10m), Parameters(ContributorForResale, ibsCbs: ibsCbs));

        Assert.Equal([("ibs_cbs.ibs_uf_reduction", TaxCodes.RateRange), ("ibs_cbs.ibs_mun_reduction", TaxCodes.RateRange)],
            result.Problems.Select(p => (p.Field, p.Code)));
    }

    // NF-e layout (MOC), group IPITrib: specific IPI is vIPI (O14) = qUnid (O11) × vUnid (O12), e.g. 10.0000 × 0.5000 = 5.00,
    // whatever the price; for a non-contributor the IPI still enters the ICMS base (TAXES.md §1.3).
    [Fact]
    public void A_known_ipi_amount_per_unit_is_expressed_directly()
    {
        var parameters = Parameters(new Recipient(IeIndicator.NonContributor, FinalConsumer: true, Interstate: false),
            icmsRate: 18m, ipi: IpiParameters.PerUnit(0.50m, "ipi-pauta"));

        var taxes = Calculate(Item(10m, 7.3m), parameters);

        Assert.Equal(new TaxLine(10m, 0.50m, 5.00m, "ipi-pauta"), taxes.Ipi);
        Assert.Equal("50", taxes.IpiCst);
        Assert.Equal(78m, taxes.Icms.Base);
        Assert.Equal(78m, taxes.ItemTotal);
    }

    [Fact]
    public void Ipi_is_ad_valorem_or_per_unit_not_both()
    {
        var result = ItemTaxCalculator.Calculate(Item(1m, 10m), Parameters(ContributorForResale, ipi: new IpiParameters(10m, "ipi", AmountPerUnit: 0.5m)));

        Assert.Equal(("ipi.amount_per_unit", TaxCodes.IpiRateAndAmount), Assert.Single(result.Problems.Select(p => (p.Field, p.Code))));
    }

    // NF-e vUnCom (I10) is 11v0-10: a unit price keeps up to 10 decimal places, and no more.
    [Fact]
    public void The_unit_price_keeps_up_to_ten_decimal_places()
    {
        Assert.Equal(34.58m, Calculate(Item(11m, 3.1435390000m), Parameters(ContributorForResale)).Product);
        Assert.True(TaxItem.Create(1m, 1.1234567891m).IsValid);
        Assert.Equal(("unit_price", TaxCodes.Precision), Assert.Single(TaxItem.Create(1m, 1.12345678912m).Problems.Select(p => (p.Field, p.Code))));
    }
}

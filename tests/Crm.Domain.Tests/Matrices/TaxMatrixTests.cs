using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Crm.Domain.Tests.Matrices.TestRules;

namespace Crm.Domain.Tests.Matrices;

public class TaxMatrixTests
{
    private static MatrixContext Line(Uf from, Uf to, ProductOrigin origin = ProductOrigin.National) =>
        Context() with { OriginUf = from, DestinationUf = to, ProductOrigin = origin, Ncm = Ncm.Parse("8471.30.12").AsT0 };

    // Internal rates SP 18 %, BA 20.5 %: https://www.econform.com.br/aliquota-interna-de-icms-de-todos-os-estados-brasileiros
    private static readonly Matrix<IcmsRule> Icms = BuildOf(
        ("sp-internal", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP }, new IcmsRule("00", 18m)),
        ("ba-internal", new MatrixKey { OriginUf = Uf.BA, DestinationUf = Uf.BA }, new IcmsRule("00", 20.5m, FcpRate: 2m)),
        ("computers", new MatrixKey { NcmPrefix = "8471" }, new IcmsRule("20", BaseReduction: 41.67m)),
        ("sp-computers", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.SP, NcmPrefix = "8471" }, new IcmsRule("20", 18m, 61.11m)));

    private static IcmsRate Resolved(MatrixContext line) => Icms.Resolve(line).AsT0;

    private static Problem Failed(MatrixContext line) => Assert.Single(Icms.Resolve(line).AsT1.Problems);

    [Fact]
    public void A_rule_with_a_rate_wins_over_the_law()
    {
        var sp = Resolved(Line(Uf.SP, Uf.SP) with { Ncm = Ncm.Parse("2203.00.00").AsT0 });
        Assert.Equal(new IcmsRate(18m, 0m, "00", 0m, "sp-internal", IcmsRateSource.Matrix), sp);
        Assert.Equal(new IcmsRate(18m, 61.11m, "20", 0m, "sp-computers", IcmsRateSource.Matrix), Resolved(Line(Uf.SP, Uf.SP)));
    }

    [Fact]
    public void A_rule_without_a_rate_keeps_its_cst_and_reduction_and_takes_the_interstate_rate()
    {
        Assert.Equal(new IcmsRate(7m, 41.67m, "20", 0m, "computers", IcmsRateSource.InterstateLaw), Resolved(Line(Uf.SP, Uf.BA)));
        Assert.Equal(new IcmsRate(4m, 41.67m, "20", 0m, "computers", IcmsRateSource.InterstateLaw), Resolved(Line(Uf.SP, Uf.BA, ProductOrigin.ForeignDirectImport)));
    }

    [Fact]
    public void Without_any_rule_an_interstate_line_is_taxed_in_full_at_the_legal_rate() =>
        Assert.Equal(new IcmsRate(12m, 0m, IcmsMatrix.DefaultCst, 0m, null, IcmsRateSource.InterstateLaw),
            Resolved(Line(Uf.BA, Uf.SP) with { Ncm = Ncm.Parse("2203.00.00").AsT0 }));

    [Fact]
    public void An_explicit_interstate_rule_overrides_the_table()
    {
        var matrix = BuildOf(("benefit", new MatrixKey { OriginUf = Uf.GO, DestinationUf = Uf.SP }, new IcmsRule("20", 12m, 33.33m)));
        Assert.Equal("benefit", matrix.Resolve(Line(Uf.GO, Uf.SP)).AsT0.RuleId);
    }

    [Fact]
    public void An_internal_line_needs_an_internal_rate_from_the_matrix()
    {
        Assert.Equal(MatrixCodes.NoRule, Failed(Line(Uf.MG, Uf.MG) with { Ncm = Ncm.Parse("2203.00.00").AsT0 }).Code);
        Assert.Equal(MatrixCodes.IcmsInternalRateMissing, Failed(Line(Uf.MG, Uf.MG)).Code);
    }

    [Fact]
    public void The_law_needs_both_ufs_and_the_product_origin()
    {
        Assert.Equal(MatrixCodes.IcmsUfMissing, Failed(Line(Uf.SP, Uf.BA) with { DestinationUf = null }).Code);
        Assert.Equal(MatrixCodes.IcmsProductOriginMissing, Failed(Line(Uf.SP, Uf.BA) with { ProductOrigin = null }).Code);
    }

    [Fact]
    public void Tax_matrices_do_not_accept_commercial_dimensions()
    {
        var result = Matrix<IcmsRule>.Build([new("R", new MatrixKey { Role = "seller", PaymentCondition = "30d" }, new IcmsRule("00", 18m))]);
        Assert.Equal([MatrixCodes.DimensionNotAllowed, MatrixCodes.DimensionNotAllowed], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Icms_rows_are_validated()
    {
        Assert.Empty(Fields(new IcmsRule("102")));
        Assert.Empty(Fields(new IcmsRule("900", 18m, 10m, 2m)));
        Assert.Equal(
            ["matrix.payload.code icms[R].cst", "matrix.payload.range icms[R].rate", "matrix.payload.range icms[R].baseReduction",
             "matrix.payload.range icms[R].fcpRate", "matrix.payload.code icms[R].baseReduction"],
            Fields(new IcmsRule("01", -1m, 100m, 101m)));
        Assert.Equal(["matrix.payload.code icms[R].baseReduction"], Fields(new IcmsRule("00", 18m, 10m)));
    }

    [Fact]
    public void Ipi_rows_are_ad_valorem_or_specific()
    {
        Assert.Empty(Fields(new IpiRule("50", 9.75m)));
        Assert.Empty(Fields(new IpiRule("50", UnitAmount: 0.55m)));
        Assert.True(new IpiRule("50").FreightInBase); // RIPI art. 190 §1 (TAXES.md §1.2)
        Assert.Equal(
            ["matrix.payload.code ipi[R].cst", "matrix.payload.range ipi[R].unitAmount", "matrix.payload.code ipi[R].legalFrameworkCode", "matrix.payload.range ipi[R].unitAmount"],
            Fields(new IpiRule("00", 5m, -1m, "99")));
    }

    [Fact]
    public void Icms_st_rows_need_a_pauta_when_the_base_uses_one()
    {
        Assert.Empty(Fields(new IcmsStRule(18m, Mva: 40m, AdjustMvaForInterstate: true, FcpStRate: 2m)));
        Assert.Empty(Fields(new IcmsStRule(18m, Base: StBase.Pauta, Pauta: 3.85m)));
        Assert.Equal(["matrix.payload.missing icms_st[R].pauta"], Fields(new IcmsStRule(18m, 40m, StBase.GreaterOfMvaAndPauta)));
        Assert.Equal(
            ["matrix.payload.range icms_st[R].stRate", "matrix.payload.range icms_st[R].mva", "matrix.payload.range icms_st[R].stBaseReduction"],
            Fields(new IcmsStRule(118m, -5m, StBaseReduction: 100m)));
    }

    [Fact]
    public void Difal_rows_are_keyed_by_destination_and_keep_the_divisor_positive()
    {
        // OCA l10n_br_fiscal/constants/icms.py (16.0): ICMS_DIFAL_UNIQUE_BASE includes RJ; other UFs double base.
        var difal = BuildOf(
            ("rj", new MatrixKey { DestinationUf = Uf.RJ }, new DifalRule(20m, DifalMethod.SingleBase, 2m)),
            ("ba", new MatrixKey { DestinationUf = Uf.BA }, new DifalRule(20.5m, DifalMethod.DoubleBase)));
        Assert.Equal(DifalMethod.SingleBase, difal.Find(Line(Uf.SP, Uf.RJ))!.Payload.Method);
        Assert.Equal(DifalMethod.DoubleBase, difal.Find(Line(Uf.SP, Uf.BA))!.Payload.Method);
        Assert.Equal(["matrix.payload.range difal[R].destinationRate"], Fields(new DifalRule(98m, DifalMethod.DoubleBaseIncludingFcp, 2m)));
    }

    [Fact]
    public void Pis_cofins_regimes_carry_the_legal_rates()
    {
        // OCA l10n_br_fiscal/data/l10n_br_fiscal.tax.csv: tax_pis_0_65, tax_cofins_3, tax_pis_1_65, tax_cofins_7_6.
        Assert.Equal(new PisCofinsRule(PisCofinsRegime.Cumulative, 0.65m, 3.00m), PisCofinsRule.Cumulative());
        Assert.Equal(new PisCofinsRule(PisCofinsRegime.NonCumulative, 1.65m, 7.60m, "01", ExcludeIcmsFromBase: true), PisCofinsRule.NonCumulative(excludeIcmsFromBase: true));
        Assert.False(PisCofinsRule.NonCumulative().ExcludeFcpFromBase);
        Assert.Equal(["matrix.payload.range pis_cofins[R].pisRate", "matrix.payload.code pis_cofins[R].cst"],
            Fields(new PisCofinsRule(PisCofinsRegime.Cumulative, -0.65m, 3m, "50")));
    }

    [Theory]
    // TAXES.md §1.6: gross-up price / (1 − (pPIS + pCOFINS)); ZFM reduction price × (1 − (pPIS + pCOFINS)).
    [InlineData(RepasseKind.GrossUp, 1.65, 7.60, 100, 110.19)]
    [InlineData(RepasseKind.GrossUp, 0.65, 3.00, 1000, 1037.88)]
    [InlineData(RepasseKind.ZfmReduction, 1.65, 7.60, 100, 90.75)]
    [InlineData(RepasseKind.ZfmReduction, 0.65, 3.00, 1000, 963.50)]
    public void Pis_cofins_repasse(RepasseKind kind, double pis, double cofins, double price, double expected) =>
        Assert.Equal((decimal)expected, Math.Round(new PisCofinsRepasseRule(kind, (decimal)pis, (decimal)cofins).Apply((decimal)price), 2, MidpointRounding.AwayFromZero));

    [Fact]
    public void Pis_cofins_repasse_rows_keep_the_divisor_positive() =>
        Assert.Equal(["matrix.payload.range pis_cofins_repasse[R].cofinsRate"], Fields(new PisCofinsRepasseRule(RepasseKind.GrossUp, 50m, 50m)));

    [Fact]
    public void Cbs_ibs_2026_test_rates_and_reductions()
    {
        // LC 214/2025 arts. 343, 344, 346 (https://www.legjur.com/legislacao/art/lec_00002142025-343); IBS-Mun 0 % in 2026.
        var full = CbsIbsRule.Test2026;
        Assert.Equal((0.90m, 0.10m, 0.00m), (full.EffectiveCbsRate, full.EffectiveIbsUfRate, full.EffectiveIbsMunRate));
        Assert.Equal(("000", "000001"), (full.Cst, full.ClassTrib));

        // A 60 % reduction (gRed, LC 214 art. 348 III a applies reductions in 2026): pAliqEfet = p × (1 − 0.6).
        var reduced = full with { Cst = "200", ClassTrib = "200003", CbsReduction = 60m, IbsUfReduction = 60m, IbsMunReduction = 60m };
        Assert.Equal((0.36m, 0.04m), (reduced.EffectiveCbsRate, reduced.EffectiveIbsUfRate));
        // NT 2025.002: gIBSUF and gIBSMun each carry their own gRed, so the municipal rate follows its own reduction only.
        var municipal = full with { IbsMunRate = 0.05m, IbsUfReduction = 60m, IbsMunReduction = 0m };
        Assert.Equal((0.04m, 0.05m), (municipal.EffectiveIbsUfRate, municipal.EffectiveIbsMunRate));
        Assert.Empty(Fields(reduced));
        Assert.Equal(["matrix.payload.code cbs_ibs[R].cst", "matrix.payload.code cbs_ibs[R].classTrib", "matrix.payload.range cbs_ibs[R].ibsMunReduction"],
            Fields(full with { Cst = "00", ClassTrib = "00000A", IbsMunReduction = 120m }));
    }

    [Fact]
    public void Cbs_ibs_rows_change_with_the_year()
    {
        // 2027–2028: IBS-UF 0.05 %, IBS-Mun 0.05 % (https://cliente.consistem.com.br/ct-e-nova-versao-inclui-ibs-e-novas-regras-de-validacao).
        var matrix = BuildOf(
            ("2026", new MatrixKey { Validity = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)) }, CbsIbsRule.Test2026),
            ("2027", new MatrixKey { Validity = new(new LocalDate(2027, 1, 1), new LocalDate(2028, 12, 31)) }, CbsIbsRule.Test2026 with { IbsUfRate = 0.05m, IbsMunRate = 0.05m }));
        Assert.Equal("2026", matrix.Find(Context(new LocalDate(2026, 12, 31)))!.Id);
        Assert.Equal(0.05m, matrix.Find(Context(new LocalDate(2027, 1, 1)))!.Payload.IbsMunRate);
        Assert.Null(matrix.Find(Context(new LocalDate(2025, 12, 31))));
    }
}

public class IcmsResolutionProperties
{
    private static readonly Arbitrary<(Uf, Uf, ProductOrigin)> Lines = Arb.ToArbitrary(
        from o in Gen.Elements(Enum.GetValues<Uf>())
        from d in Gen.Elements(Enum.GetValues<Uf>())
        from p in Gen.Elements(Enum.GetValues<ProductOrigin>())
        select (o, d, p));

    private static readonly Matrix<IcmsRule> Empty = Matrix<IcmsRule>.Build([]).AsT0;

    private static readonly Matrix<IcmsRule> CstOnly = Matrix<IcmsRule>.Build([new("cst", MatrixKey.Any, new IcmsRule("51", BaseReduction: 33.33m))]).AsT0;

    [Property]
    public Property Without_a_rate_in_the_matrix_the_law_decides_interstate_lines_and_internal_lines_fail() =>
        Prop.ForAll(Lines, line =>
        {
            var (from, to, origin) = line;
            var context = Context() with { OriginUf = from, DestinationUf = to, ProductOrigin = origin };
            foreach (var matrix in new[] { Empty, CstOnly })
            {
                var resolved = matrix.Resolve(context);
                if (from == to)
                    Assert.True(resolved.IsT1);
                else
                {
                    var rate = resolved.AsT0;
                    Assert.Equal((InterstateIcmsRate.For(from, to, origin), IcmsRateSource.InterstateLaw), (rate.Rate, rate.Source));
                    Assert.Equal(matrix == Empty ? "00" : "51", rate.Cst);
                }
            }
        });
}

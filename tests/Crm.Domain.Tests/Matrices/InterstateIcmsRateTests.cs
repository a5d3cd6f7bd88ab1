using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;

namespace Crm.Domain.Tests.Matrices;

public class InterstateIcmsRateTests
{
    /// <summary>
    /// Rows: origin; columns: destination, in the order of <see cref="Uf"/> (AC AL AM AP BA CE DF ES GO MA MG MS MT PA
    /// PB PE PI PR RJ RN RO RR RS SC SE SP TO). 7 = 7 %, C = 12 %, - = internal. Written from Resolução SF 22/1989 as
    /// summarised at https://www.alvesavelar.com.br/3210/aplicacao_das_aliquotas_interestaduais: 7 % only from
    /// MG PR RJ RS SC SP to the North, Northeast, Centre-West and ES.
    /// </summary>
    private static readonly string[] NationalGoods =
    [
        "AC -CCCCCCCCCCCCCCCCCCCCCCCCCC",
        "AL C-CCCCCCCCCCCCCCCCCCCCCCCCC",
        "AM CC-CCCCCCCCCCCCCCCCCCCCCCCC",
        "AP CCC-CCCCCCCCCCCCCCCCCCCCCCC",
        "BA CCCC-CCCCCCCCCCCCCCCCCCCCCC",
        "CE CCCCC-CCCCCCCCCCCCCCCCCCCCC",
        "DF CCCCCC-CCCCCCCCCCCCCCCCCCCC",
        "ES CCCCCCC-CCCCCCCCCCCCCCCCCCC",
        "GO CCCCCCCC-CCCCCCCCCCCCCCCCCC",
        "MA CCCCCCCCC-CCCCCCCCCCCCCCCCC",
        "MG 7777777777-777777CC777CC7C7",
        "MS CCCCCCCCCCC-CCCCCCCCCCCCCCC",
        "MT CCCCCCCCCCCC-CCCCCCCCCCCCCC",
        "PA CCCCCCCCCCCCC-CCCCCCCCCCCCC",
        "PB CCCCCCCCCCCCCC-CCCCCCCCCCCC",
        "PE CCCCCCCCCCCCCCC-CCCCCCCCCCC",
        "PI CCCCCCCCCCCCCCCC-CCCCCCCCCC",
        "PR 7777777777C777777-C777CC7C7",
        "RJ 7777777777C777777C-777CC7C7",
        "RN CCCCCCCCCCCCCCCCCCC-CCCCCCC",
        "RO CCCCCCCCCCCCCCCCCCCC-CCCCCC",
        "RR CCCCCCCCCCCCCCCCCCCCC-CCCCC",
        "RS 7777777777C777777CC777-C7C7",
        "SC 7777777777C777777CC777C-7C7",
        "SE CCCCCCCCCCCCCCCCCCCCCCCC-CC",
        "SP 7777777777C777777CC777CC7-7",
        "TO CCCCCCCCCCCCCCCCCCCCCCCCCC-",
    ];

    private static decimal? Expected(Uf origin, Uf destination) =>
        NationalGoods[(int)origin][3 + (int)destination] switch { '7' => 7m, 'C' => 12m, _ => null };

    public static TheoryData<ProductOrigin> NotImported => new(
        ProductOrigin.National, ProductOrigin.NationalBasicProductiveProcess, ProductOrigin.NationalImportContentUpTo40,
        ProductOrigin.ForeignDirectImportWithoutSimilar, ProductOrigin.ForeignBoughtInBrazilWithoutSimilar);

    // Origins 1, 2, 3 and 8: Resolução SF 13/2012 (https://www.normasbrasil.com.br/norma/decreto-13626-2013-ms_254326.html),
    // OCA ICMS_ORIGIN_TAX_IMPORTED = ["1","2","3","8"] in l10n_br_fiscal/constants/icms.py.
    public static TheoryData<ProductOrigin> Imported => new(
        ProductOrigin.ForeignDirectImport, ProductOrigin.ForeignBoughtInBrazil,
        ProductOrigin.NationalImportContentAbove40, ProductOrigin.NationalImportContentAbove70);

    [Fact]
    public void The_table_rows_are_in_uf_order() =>
        Assert.Equal(Enum.GetNames<Uf>(), NationalGoods.Select(row => row[..2]));

    [Theory, MemberData(nameof(NotImported))]
    public void All_27_by_27_pairs_match_the_table_for_goods_that_are_not_imported(ProductOrigin origin)
    {
        foreach (var from in Enum.GetValues<Uf>())
            foreach (var to in Enum.GetValues<Uf>())
                Assert.True(Expected(from, to) == InterstateIcmsRate.For(from, to, origin), $"{from}→{to} ({origin})");
    }

    [Theory, MemberData(nameof(Imported))]
    public void Imported_goods_pay_4_percent_between_any_two_ufs_and_the_internal_rate_inside_one(ProductOrigin origin)
    {
        foreach (var from in Enum.GetValues<Uf>())
            foreach (var to in Enum.GetValues<Uf>())
                Assert.Equal(from == to ? null : 4m, InterstateIcmsRate.For(from, to, origin));
    }

    [Theory]
    [InlineData(Uf.SP, Uf.ES, 7)]   // ES is Southeast but receives at 7 %
    [InlineData(Uf.ES, Uf.BA, 12)]  // and sends at 12 %
    [InlineData(Uf.SP, Uf.RJ, 12)]
    [InlineData(Uf.RS, Uf.MT, 7)]
    [InlineData(Uf.BA, Uf.SP, 12)]
    public void Named_examples(Uf from, Uf to, int rate) =>
        Assert.Equal(rate, InterstateIcmsRate.For(from, to, ProductOrigin.National));

    [Fact]
    public void Every_uf_is_in_the_region_the_spec_lists()
    {
        // TAXES.md §4 region table.
        var regions = new Dictionary<Region, string>
        {
            [Region.North] = "AC AM AP PA RO RR TO",
            [Region.Northeast] = "AL BA CE MA PB PE PI RN SE",
            [Region.CentralWest] = "DF GO MS MT",
            [Region.Southeast] = "ES MG RJ SP",
            [Region.South] = "PR RS SC",
        };
        foreach (var (region, ufs) in regions)
            Assert.All(ufs.Split(' '), uf => Assert.Equal(region, InterstateIcmsRate.RegionOf(Enum.Parse<Uf>(uf))));
    }
}

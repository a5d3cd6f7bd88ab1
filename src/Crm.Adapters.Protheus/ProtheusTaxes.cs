using System.Globalization;
using Crm.Domain.Orders;
using Crm.Domain.Taxes;

namespace Crm.Adapters.Protheus;

/// <summary>
/// How an item's taxes go into the EAI <c>Order</c> 4.009 (<c>LISTOFTAXESITEM</c> of <c>tcOrderItem</c>). The schema gives
/// each <c>tcValuesandtaxes</c> entry a kind <c>tpvalue</c> (1|2), a reason <c>tpreasondescandtax</c> (01–13), a percentage
/// and a value, and describes none of them; the codes below are our choice, documented in the README. It has no place for
/// a tax's base, so the bases go in the item's <c>OTHER.ADDFIELDS</c> as <see cref="BaseField"/>.
/// </summary>
public static class ProtheusTaxes
{
    /// <summary><c>tpvalue</c> of a tax (our reading: 1 a discount, 2 a tax).</summary>
    public const string TaxKind = "2";

    /// <summary>The <c>tpreasondescandtax</c> of ICMS.</summary>
    public const string Icms = "01";

    /// <summary>The <c>tpreasondescandtax</c> of ICMS-ST.</summary>
    public const string IcmsSt = "03";

    /// <summary>The <c>tpreasondescandtax</c> of IPI.</summary>
    public const string Ipi = "06";

    /// <summary>The <c>tpreasondescandtax</c> of each tax the CRM prices, by the name a problem's field uses.</summary>
    public static IReadOnlyList<(string Code, string Name)> Codes { get; } =
    [
        (Icms, "icms"), ("02", "fcp"), (IcmsSt, "icms_st"), ("04", "fcp_st"), ("05", "difal"), (Ipi, "ipi"), ("07", "pis"),
        ("08", "cofins"), ("09", "cbs"), ("10", "ibs_uf"), ("11", "ibs_mun"),
    ];

    /// <summary>The <c>ADDFIELD</c> name of the base of tax <paramref name="code"/>: <c>VBC_</c> + the code (≤ 12).</summary>
    public static string BaseField(string code) => "VBC_" + code;

    /// <summary>The taxes of <paramref name="taxes"/> in <see cref="Codes"/> order, with their code and name.</summary>
    public static IEnumerable<(string Code, string Name, TaxLine Line)> Lines(ItemTaxes taxes)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        TaxLine[] lines =
            [taxes.Icms, taxes.Fcp, taxes.IcmsSt, taxes.FcpSt, taxes.Difal, taxes.Ipi, taxes.Pis, taxes.Cofins, taxes.Cbs, taxes.IbsUf, taxes.IbsMun];
        return Codes.Select((c, i) => (c.Code, c.Name, lines[i]));
    }

    /// <summary>The taxes that apply to the item (a rule gave them, or they have a value): the ones the message lists.</summary>
    public static IEnumerable<(string Code, string Name, TaxLine Line)> Applying(ItemTaxes taxes) =>
        Lines(taxes).Where(t => Applies(t.Line));

    /// <summary>Whether a tax applies to the item: a rule gave it, or it has a value.</summary>
    public static bool Applies(TaxLine line) => line.Source.Length > 0 || line.Value != 0m;

    /// <summary>A base as the <c>ADDFIELD</c> value carries it: invariant, a point for decimals.</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

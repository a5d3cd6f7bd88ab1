using Crm.Domain.Matrices.Tax;

namespace Crm.Domain.Taxes;

/// <summary>What an ICMS CST or CSOSN admits, as the checks and the computation of an item read it.</summary>
[Flags]
internal enum IcmsCstTraits
{
    /// <summary>Not a CST or CSOSN.</summary>
    Unknown = 0,

    /// <summary>A CST of Ajuste SINIEF 20/2012 table B, or a Simples Nacional CSOSN (<see cref="IcmsRule.Codes"/>).</summary>
    Known = 1,

    /// <summary>Admits a base reduction (pRedBC): CST 20, 51, 70, 90, CSOSN 900.</summary>
    BaseReduction = 2,

    /// <summary>Charges no own ICMS: exempt, not taxed, suspended, ST already paid, Simples Nacional without credit.</summary>
    Untaxed = 4,

    /// <summary>May carry ICMS-ST: CST 10, 30, 70, 90, CSOSN 201–203, 900.</summary>
    St = 8,

    /// <summary>Must carry ICMS-ST: CST 10, 30, 70, CSOSN 201–203.</summary>
    StRequired = 16,

    /// <summary>
    /// The own operation is not taxed on the invoice (CST 30, CSOSN 201–203: groups ICMS30 and ICMSSN201–203 have no vICMS),
    /// yet the ST owed deducts the ICMS it would bear at its rate.
    /// </summary>
    NotionalOwnIcms = 32,
}

/// <summary>The traits of each ICMS CST and CSOSN: one table, read with one lookup per item.</summary>
internal static class IcmsCsts
{
    private const IcmsCstTraits Known = IcmsCstTraits.Known;
    private const IcmsCstTraits Reduced = Known | IcmsCstTraits.BaseReduction;
    private const IcmsCstTraits Untaxed = Known | IcmsCstTraits.Untaxed;
    private const IcmsCstTraits WithSt = Known | IcmsCstTraits.St | IcmsCstTraits.StRequired;

    /// <summary>The traits of <paramref name="cst"/>; <see cref="IcmsCstTraits.Unknown"/> when it is none.</summary>
    public static IcmsCstTraits Of(string? cst) => cst switch
    {
        "00" or "02" or "15" or "53" or "101" => Known,
        "10" => WithSt,
        "20" or "51" => Reduced,
        "30" or "201" or "202" or "203" => WithSt | IcmsCstTraits.NotionalOwnIcms,
        "40" or "41" or "50" or "60" or "61" or "102" or "103" or "300" or "400" or "500" => Untaxed,
        "70" => Reduced | WithSt,
        "90" or "900" => Reduced | IcmsCstTraits.St,
        _ => IcmsCstTraits.Unknown,
    };

    public static bool Has(this IcmsCstTraits traits, IcmsCstTraits trait) => (traits & trait) == trait;
}

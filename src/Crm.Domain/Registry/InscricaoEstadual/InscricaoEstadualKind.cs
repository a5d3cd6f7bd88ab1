namespace Crm.Domain.Registry;

/// <summary>The three situations of a party before the state tax administration (ICMS).</summary>
public enum InscricaoEstadualKind
{
    /// <summary>An ICMS taxpayer registered in the state: the IE is a number.</summary>
    Registered,

    /// <summary>A taxpayer exempt from registration (written <c>ISENTO</c> on documents).</summary>
    ExemptFromRegistration,

    /// <summary>Not an ICMS taxpayer (não contribuinte): a consumer, most service providers, public bodies.</summary>
    NonTaxpayer,
}

/// <summary>
/// The NF-e <c>indIEDest</c> field (layout 3.10 and later) that tells SEFAZ how the recipient stands
/// before ICMS; the numeric values are the ones written in the XML.
/// </summary>
public enum IndIEDest
{
    /// <summary>1: ICMS taxpayer; the <c>IE</c> tag carries the number.</summary>
    Taxpayer = 1,

    /// <summary>2: taxpayer exempt from registration; the <c>IE</c> tag is not sent.</summary>
    ExemptFromRegistration = 2,

    /// <summary>9: non-taxpayer.</summary>
    NonTaxpayer = 9,
}

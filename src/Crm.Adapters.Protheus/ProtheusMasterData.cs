namespace Crm.Adapters.Protheus;

/// <summary>
/// The Protheus master-data lists the adapter's rules read (<c>A1_VEND</c>, <c>A1_COND</c>, <c>A1_TRANSP</c>, <c>A1_TABELA</c>
/// must exist in SA3, SE4, SA4, DA0), each a TOTVS API list (ERP.md §2.4 "Other Protheus APIs in TTALK").
/// </summary>
public enum ProtheusMasterData
{
    /// <summary>SA3, <c>/api/crm/v2/seller</c> (mats040).</summary>
    Sellers,

    /// <summary>SE4, <c>/api/fat/v1/paymentcondition</c> (MATS360).</summary>
    PaymentConditions,

    /// <summary>SA4, <c>/api/fat/v1/carrier</c> (mats050).</summary>
    Carriers,

    /// <summary>DA0, <c>/api/supply/v2/PriceListHeaderItems</c> (omsa010).</summary>
    PriceTables,
}

namespace Crm.Adapters.Datasul;

/// <summary>
/// The Datasul master-data lists the CRM reads (<see cref="DatasulTransport.ReadMasterDataAsync"/>), each a TOTVS standard
/// API list (<c>?page=&amp;pageSize=</c>, <c>{hasNext, items}</c>; GitHub <c>totvs/ttalk-standard-message</c>,
/// <c>jsonschema/apis</c>). Only the price tables' API lists Datasul among its products; the others are the TOTVS standard
/// APIs of the same entities, listed for Protheus, RM or Logix, and assumed served by an EMS host. The portadores and client
/// groups the rules also read have no TOTVS API: keep them in the tenant's settings.
/// </summary>
public enum DatasulMasterData
{
    /// <summary>Companies (<i>empresas</i>), <c>/api/framework/v1/companies</c> (<c>Company_v1_000</c>).</summary>
    Companies,

    /// <summary>Establishments (<i>estabelecimentos</i>), <c>/api/framework/v1/Branches</c> (<c>Branch_v1_000</c>).</summary>
    Establishments,

    /// <summary>Payment conditions (<c>cod-cond-pag</c>), <c>/api/fat/v1/paymentcondition</c> (<c>PaymentCondition_v1_00</c>).</summary>
    PaymentConditions,

    /// <summary>Price tables (<c>nr-tabpre</c>), <c>/api/supply/v2/PriceListHeaderItems</c> (<c>PriceListHeaderItem_v2_005</c>, Datasul).</summary>
    PriceTables,

    /// <summary>Representatives (<c>cod-rep</c>), <c>/api/mov/v1/Representative</c> (<c>Representative_v1_000</c>).</summary>
    Representatives,

    /// <summary>Carriers (<c>cod-transp</c>), <c>/api/fat/v1/carrier</c> (<c>Carrier_v1_000</c>).</summary>
    Carriers,
}

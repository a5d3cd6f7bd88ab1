namespace Crm.Adapters.Mega;

/// <summary>
/// The Mega lists the CRM reads (<see cref="MegaTransport.ReadAllAsync"/>): what the initial load takes (seed 001, companies
/// and branches in the "carga inicial"; Senior help "Venda+", customers, payment conditions and price tables) and the
/// representatives the adapter's rules require.
/// </summary>
public enum MegaList
{
    /// <summary>Companies (<see cref="MegaCompany"/>).</summary>
    Companies,

    /// <summary>Branches (<see cref="MegaBranch"/>).</summary>
    Branches,

    /// <summary>Agents, customers among them (<see cref="MegaAgent"/>).</summary>
    Agents,

    /// <summary>Representatives (<see cref="MegaRepresentative"/>).</summary>
    Representatives,

    /// <summary>Payment conditions (<see cref="MegaPaymentCondition"/>).</summary>
    PaymentConditions,

    /// <summary>Price tables (<see cref="MegaPriceTable"/>).</summary>
    PriceTables,
}

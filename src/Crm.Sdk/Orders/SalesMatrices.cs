using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;

namespace Crm.Sdk.Orders;

/// <summary>
/// The tax and commercial matrices, and the margin range, an order of a tenant is priced with. The engine asks for them at
/// every pricing. By default the engine answers from the matrices stored through <see cref="CrmSession.Matrices"/> (no
/// margin range; CBS/IBS not added to the item total); a host that registers its own answers instead (e.g. from matrices it
/// built once and keeps), and the stored ones are then not used for pricing.
/// </summary>
public interface ISalesMatrices
{
    /// <summary>The matrices of <paramref name="tenant"/>.</summary>
    ValueTask<SalesMatrices> ForAsync(TenantId tenant, CancellationToken cancellationToken);
}

/// <summary>The matrices an order is priced with.</summary>
/// <param name="Taxes">The tax matrices.</param>
/// <param name="Commercial">The commercial matrices (discounts, minimum values, alçadas, freight, payment conditions, unit × product, commission, negotiation).</param>
/// <param name="Margins">The gross and contribution margin range; null for none.</param>
public sealed record SalesMatrices(TaxMatrices Taxes, CommercialMatrices? Commercial = null, MarginRange? Margins = null);

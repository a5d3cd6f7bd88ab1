using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Orders;
using Crm.Domain.Pricing;

namespace Crm.Sdk.Orders;

/// <summary>
/// The tax and commercial matrices, and the margin range, an order of a tenant is priced with. The engine asks for them at
/// every pricing; the host answers (e.g. from matrices it built once and keeps). Not yet: the matrices have no tables of
/// their own, so a host that registers no <see cref="ISalesMatrices"/> prices with none — every line then reports the
/// matrix problem of its missing ICMS/PIS/COFINS/CBS-IBS rule.
/// </summary>
public interface ISalesMatrices
{
    /// <summary>The matrices of <paramref name="tenant"/>.</summary>
    ValueTask<SalesMatrices> ForAsync(TenantId tenant, CancellationToken cancellationToken);
}

/// <summary>The matrices an order is priced with.</summary>
/// <param name="Taxes">The tax matrices.</param>
/// <param name="Commercial">The commercial matrices (discounts, minimum values, alçadas, freight, payment conditions, unit × product).</param>
/// <param name="Margins">The gross and contribution margin range; null for none.</param>
public sealed record SalesMatrices(TaxMatrices Taxes, CommercialMatrices? Commercial = null, MarginRange? Margins = null)
{
    /// <summary>No rule at all.</summary>
    public static SalesMatrices None { get; } = new(new TaxMatrices
    {
        Icms = Matrix<Crm.Domain.Matrices.Tax.IcmsRule>.Build([]).AsT0,
        Ipi = Matrix<Crm.Domain.Matrices.Tax.IpiRule>.Build([]).AsT0,
        PisCofins = Matrix<Crm.Domain.Matrices.Tax.PisCofinsRule>.Build([]).AsT0,
        CbsIbs = Matrix<Crm.Domain.Matrices.Tax.CbsIbsRule>.Build([]).AsT0,
    });
}

/// <summary>The matrices of a host that registers none: <see cref="SalesMatrices.None"/>.</summary>
internal sealed class NoSalesMatrices : ISalesMatrices
{
    public ValueTask<SalesMatrices> ForAsync(TenantId tenant, CancellationToken cancellationToken) => ValueTask.FromResult(SalesMatrices.None);
}

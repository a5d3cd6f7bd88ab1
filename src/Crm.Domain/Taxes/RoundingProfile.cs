namespace Crm.Domain.Taxes;

/// <summary>
/// The rounding policy of each NF-e value field group, as an ERP profile configures it (Protheus has one
/// parameter per tax: <c>MV_ARREFAT</c> for the item value, <c>MV_RNDIPI</c>, <c>MV_RNDICM</c>, <c>MV_RNDPIS</c>,
/// <c>MV_RNDCOF</c>...). FCP follows ICMS, FCP-ST follows ICMS-ST and the destination FCP follows DIFAL.
/// </summary>
/// <param name="Product">The item value vProd = quantity × unit price.</param>
/// <param name="Ipi">IPI.</param>
/// <param name="Icms">Own ICMS base and value, and FCP.</param>
/// <param name="IcmsSt">ICMS-ST base and value, and FCP-ST.</param>
/// <param name="Difal">DIFAL base and value, and the destination FCP.</param>
/// <param name="Pis">PIS.</param>
/// <param name="Cofins">COFINS.</param>
/// <param name="IbsCbs">CBS, IBS-UF and IBS-Mun.</param>
public readonly record struct RoundingProfile(
    RoundingPolicy Product,
    RoundingPolicy Ipi,
    RoundingPolicy Icms,
    RoundingPolicy IcmsSt,
    RoundingPolicy Difal,
    RoundingPolicy Pis,
    RoundingPolicy Cofins,
    RoundingPolicy IbsCbs)
{
    /// <summary>Half-up for every field: the default.</summary>
    public static RoundingProfile HalfUp { get; } = Uniform(RoundingPolicy.HalfUp);

    /// <summary>The same policy for every field.</summary>
    public static RoundingProfile Uniform(RoundingPolicy policy) =>
        new(policy, policy, policy, policy, policy, policy, policy, policy);
}

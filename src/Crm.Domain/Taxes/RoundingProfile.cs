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
    RoundingPolicy Product = RoundingPolicy.HalfUp,
    RoundingPolicy Ipi = RoundingPolicy.HalfUp,
    RoundingPolicy Icms = RoundingPolicy.HalfUp,
    RoundingPolicy IcmsSt = RoundingPolicy.HalfUp,
    RoundingPolicy Difal = RoundingPolicy.HalfUp,
    RoundingPolicy Pis = RoundingPolicy.HalfUp,
    RoundingPolicy Cofins = RoundingPolicy.HalfUp,
    RoundingPolicy IbsCbs = RoundingPolicy.HalfUp)
{
    /// <summary>The item value vProd = quantity × unit price.</summary>
    public RoundingPolicy Product { get; } = Product;

    /// <summary>IPI.</summary>
    public RoundingPolicy Ipi { get; } = Ipi;

    /// <summary>Own ICMS base and value, and FCP.</summary>
    public RoundingPolicy Icms { get; } = Icms;

    /// <summary>ICMS-ST base and value, and FCP-ST.</summary>
    public RoundingPolicy IcmsSt { get; } = IcmsSt;

    /// <summary>DIFAL base and value, and the destination FCP.</summary>
    public RoundingPolicy Difal { get; } = Difal;

    /// <summary>PIS.</summary>
    public RoundingPolicy Pis { get; } = Pis;

    /// <summary>COFINS.</summary>
    public RoundingPolicy Cofins { get; } = Cofins;

    /// <summary>CBS, IBS-UF and IBS-Mun.</summary>
    public RoundingPolicy IbsCbs { get; } = IbsCbs;

    /// <summary>Half-up for every field: the default.</summary>
    public static RoundingProfile HalfUp { get; } = Uniform(RoundingPolicy.HalfUp);

    /// <summary>The same policy for every field.</summary>
    public static RoundingProfile Uniform(RoundingPolicy policy) =>
        new(policy, policy, policy, policy, policy, policy, policy, policy);
}

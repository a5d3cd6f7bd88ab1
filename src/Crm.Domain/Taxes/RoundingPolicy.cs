namespace Crm.Domain.Taxes;

/// <summary>
/// How a monetary value is brought to 2 decimal places. NF-e prescribes no midpoint rule (NT 2013.005 §7
/// accepts ±0.01 on base × rate), so each ERP profile picks its own, per tax (TAXES.md §1.9).
/// </summary>
public enum RoundingPolicy
{
    /// <summary>Half away from zero (1.005 → 1.01): the default and what most ERPs do.</summary>
    HalfUp,

    /// <summary>ABNT NBR 5891: half to even on an exact 5 followed by zeros (1.005 → 1.00, 1.015 → 1.02), as ACBr's <c>RoundABNT</c>.</summary>
    HalfEvenAbnt,

    /// <summary>Cut the extra digits toward zero (60.436 → 60.43), as TOTVS Protheus when <c>MV_RNDxxx</c>/<c>MV_ARREFAT</c> is false or missing.</summary>
    Truncate,
}

/// <summary>Applies a <see cref="RoundingPolicy"/>.</summary>
public static class RoundingPolicyExtensions
{
    /// <summary>Rounds <paramref name="value"/> to cents with this policy.</summary>
    public static decimal ToCents(this RoundingPolicy policy, decimal value) => policy.ToPlaces(value, 2);

    /// <summary>
    /// Rounds <paramref name="value"/> to <paramref name="places"/> decimal places with this policy (the unit price,
    /// vUnCom, keeps <see cref="UnitPricePlaces"/>).
    /// </summary>
    internal static decimal ToPlaces(this RoundingPolicy policy, decimal value, int places) => value.Scale <= places ? value : policy switch
    {
        RoundingPolicy.HalfUp => decimal.Round(value, places, MidpointRounding.AwayFromZero),
        RoundingPolicy.HalfEvenAbnt => decimal.Round(value, places, MidpointRounding.ToEven),
        RoundingPolicy.Truncate => decimal.Round(value, places, MidpointRounding.ToZero),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };

    /// <summary>The decimal places of NF-e's unit price vUnCom (I10, 11v0-10); only vProd = qCom × vUnCom is rounded to cents.</summary>
    internal const int UnitPricePlaces = 10;
}

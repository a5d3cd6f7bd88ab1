using Crm.Domain.Registry;
using Crm.Domain.Problems;

namespace Crm.Domain.Taxes;

/// <summary>
/// The values of one NF-e item that taxes are computed from. Freight, insurance, other expenses
/// (surcharges go here) and the unconditional discount are this item's share, already apportioned
/// (see <see cref="Apportionment"/>). A conditional or financial discount is not a <see cref="Discount"/>:
/// it stays in the ICMS base (LC 87/96 art. 13 §1 II a).
/// </summary>
public readonly record struct TaxItem
{
    private TaxItem(decimal quantity, decimal unitPrice, decimal freight, decimal insurance, decimal otherExpenses, decimal discount)
    {
        Quantity = quantity;
        UnitPrice = unitPrice;
        Freight = freight;
        Insurance = insurance;
        OtherExpenses = otherExpenses;
        Discount = discount;
    }

    /// <summary>qCom: the quantity sold.</summary>
    public decimal Quantity { get; }

    /// <summary>vUnCom: the unit price, up to 10 decimal places (NF-e I10, 11v0-10); only vProd is rounded to cents.</summary>
    public decimal UnitPrice { get; }

    /// <summary>vFrete: freight charged by the seller.</summary>
    public decimal Freight { get; }

    /// <summary>vSeg: insurance.</summary>
    public decimal Insurance { get; }

    /// <summary>vOutro: other accessory expenses and surcharges.</summary>
    public decimal OtherExpenses { get; }

    /// <summary>vDesc: the unconditional discount shown on the invoice.</summary>
    public decimal Discount { get; }

    /// <summary>
    /// Taxable units (uTrib) in one unit sold (uCom), qTrib / qCom: 12 for a box of 12 taxed per unit; zero (the default)
    /// or one when the item is taxed in the unit it is sold in. A per-unit IPI (pauta) is charged on quantity × this.
    /// </summary>
    public decimal TaxableUnitsPerUnit { get; private init; }

    /// <summary>This item taxed in another unit than the one it is sold in (<see cref="TaxableUnitsPerUnit"/>); refused when negative.</summary>
    public Outcome<TaxItem> WithTaxableUnits(decimal taxableUnitsPerUnit)
    {
        var problems = new ProblemCollector();
        problems.NotNegative("taxable_units_per_unit", taxableUnitsPerUnit);
        return problems.HasProblems ? problems.ToInvalid() : this with { TaxableUnitsPerUnit = taxableUnitsPerUnit };
    }

    /// <summary>
    /// Validates the item: nothing negative, the unit price with at most 10 decimal places, amounts in cents, and a discount no larger than
    /// quantity × unit price + freight + insurance + other expenses. Every problem is reported.
    /// </summary>
    public static Outcome<TaxItem> Create(
        decimal quantity, decimal unitPrice,
        decimal freight = 0m, decimal insurance = 0m, decimal otherExpenses = 0m, decimal discount = 0m)
    {
        var problems = Check(quantity, unitPrice, freight, insurance, otherExpenses, discount);
        return problems.HasProblems
            ? problems.ToInvalid()
            : new TaxItem(quantity, unitPrice, freight, insurance, otherExpenses, discount);
    }

    /// <summary>The item for values that passed <see cref="Check"/>, and taxable units per unit that are not negative.</summary>
    internal static TaxItem Checked(
        decimal quantity, decimal unitPrice, decimal freight, decimal insurance, decimal otherExpenses, decimal discount, decimal taxableUnitsPerUnit) =>
        new(quantity, unitPrice, freight, insurance, otherExpenses, discount) { TaxableUnitsPerUnit = taxableUnitsPerUnit };

    /// <summary>Every problem of the values <see cref="Create"/> would reject.</summary>
    internal static ProblemCollector Check(decimal quantity, decimal unitPrice, decimal freight, decimal insurance, decimal otherExpenses, decimal discount)
    {
        var problems = new ProblemCollector();
        problems.NotNegative("quantity", quantity);
        problems.Places("unit_price", unitPrice, RoundingPolicyExtensions.UnitPricePlaces);
        problems.Cents("freight", freight);
        problems.Cents("insurance", insurance);
        problems.Cents("other_expenses", otherExpenses);
        problems.Cents("discount", discount);
        if (!problems.HasProblems && discount > quantity * unitPrice + freight + insurance + otherExpenses)
            problems.Add("discount", TaxCodes.DiscountExceedsValue, $"O desconto {discount} é maior que o valor do item.");
        return problems;
    }
}

using System.Collections.Immutable;
using Crm.Domain.Registry;
using Crm.Domain.Problems;

namespace Crm.Domain.Taxes;

/// <summary>Which item takes the cents left over when a document amount is split (<see cref="Apportionment"/>).</summary>
/// <remarks>
/// TAXES.md §1.1 gives the residual "to the last (or the largest) item". Neither ERP.md nor the seeds say which of the
/// two Protheus, Datasul or Senior/Mega use: the ERP profile picks one; <see cref="LastItem"/> is the default.
/// </remarks>
public enum ApportionmentResidual
{
    /// <summary>Every share is cut down to the cent and the last item of value above zero takes what is left.</summary>
    LastItem,

    /// <summary>Every share is cut down to the cent and the item of largest value (the earlier on a tie) takes what is left.</summary>
    LargestItem,

    /// <summary>
    /// Largest remainder (Hamilton): the cents left over go one each to the items whose cut-off remainders are largest
    /// (the earlier item on a tie), so that no share differs from its exact proportion by a cent or more.
    /// </summary>
    LargestRemainder,
}

/// <summary>
/// Rateio: splits a document-level amount (freight, insurance, other expenses, discount) across items in
/// proportion to their value, exact to the cent: the shares always add up to the amount, because NF-e
/// totals must equal the sum of the items with no tolerance (NT 2013.005).
/// <para>
/// Every item first gets its exact share cut down to the cent (cut, not rounded half-up, so that the residual is never
/// negative and no share ever goes below zero); the cents left over (fewer than the number of items) go as
/// <see cref="ApportionmentResidual"/> says. Items of value zero get nothing; the result depends only on the amounts and their order.
/// </para>
/// </summary>
public static class Apportionment
{
    /// <summary>Splits <paramref name="amount"/> in proportion to <paramref name="weights"/> (the items' values); both in cents, not negative.</summary>
    /// <param name="amount">The document amount.</param>
    /// <param name="weights">The items' values.</param>
    /// <param name="residual">Which item takes the cents left over.</param>
    /// <returns>One share per weight, or every problem: negative or sub-cent amounts or weights, amounts beyond R$ 10^15, or all weights zero.</returns>
    public static Outcome<ImmutableArray<decimal>> Split(
        decimal amount, IReadOnlyList<decimal> weights, ApportionmentResidual residual = ApportionmentResidual.LastItem)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var problems = Check(amount, weights.Count, i => weights[i], "amount", "weights");
        if (problems.HasProblems)
            return problems.ToInvalid();
        var shares = new decimal[weights.Count];
        var copy = new decimal[weights.Count];
        for (var i = 0; i < copy.Length; i++)
            copy[i] = weights[i];
        SplitChecked(amount, copy, shares, residual);
        return ImmutableArray.Create(shares);
    }

    /// <summary>The largest amount or weight accepted, R$ 10^15: far above any invoice, and small enough for exact integer arithmetic.</summary>
    internal const decimal Largest = 1_000_000_000_000_000m;

    /// <summary>Validates a split; <paramref name="weight"/> reads the i-th weight.</summary>
    internal static ProblemCollector Check(decimal amount, int count, Func<int, decimal> weight, string amountField, string weightsField)
    {
        var problems = new ProblemCollector();
        CheckAmount(ref problems, amountField, amount);
        var total = 0m;
        for (var i = 0; i < count; i++)
        {
            var w = weight(i);
            if (w < 0m || w > Largest || w.Scale > 2 && decimal.Round(w, 2) != w)
                CheckAmount(ref problems, $"{weightsField}[{i}]", w);
            total += Math.Max(0m, w);
        }
        if (amount > 0m && total == 0m)
            problems.Add(amountField, TaxCodes.NoWeight, $"Não há itens com valor para ratear {amount}.");
        return problems;
    }

    /// <summary>An amount the split can take: in cents, not negative, not beyond <see cref="Largest"/>.</summary>
    internal static void CheckAmount(ref ProblemCollector problems, string field, decimal value)
    {
        problems.Cents(field, value);
        if (value > Largest)
            problems.Add(field, TaxCodes.Magnitude, $"{field} = {value} passa de {Largest}.");
    }

    /// <summary>
    /// The split proper, for inputs that passed <see cref="Check"/>; writes one share per weight. Works in whole cents
    /// with 128-bit integers, so every remainder is exact and ties are true ties.
    /// </summary>
    internal static void SplitChecked(decimal amount, ReadOnlySpan<decimal> weights, Span<decimal> shares, ApportionmentResidual residual)
    {
        shares.Clear();
        if (amount == 0m)
            return;
        var small = weights.Length <= 256;
        var values = small ? stackalloc long[weights.Length] : new long[weights.Length];
        Int128 total = 0;
        var holder = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            total += values[i] = Cents(weights[i]);
            if (values[i] > 0 && (residual != ApportionmentResidual.LargestItem || holder < 0 || values[i] > values[holder]))
                holder = i;
        }

        var cents = (Int128)Cents(amount);
        var remainders = small ? stackalloc Remainder[weights.Length] : new Remainder[weights.Length];
        Int128 given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var share = Int128.DivRem(cents * values[i], total);
            shares[i] = (long)share.Quotient * 0.01m;
            remainders[i] = new Remainder(share.Remainder, i);
            given += share.Quotient;
        }

        var leftover = (int)(cents - given);
        if (leftover == 0)
            return;
        if (residual != ApportionmentResidual.LargestRemainder)
        {
            shares[holder] += leftover * 0.01m;
            return;
        }
        remainders.Sort(default(LargestFirst));
        for (var k = 0; k < leftover; k++)
            shares[remainders[k].Index] += 0.01m;
    }

    private static long Cents(decimal value) => (long)(value * 100m);

    private readonly record struct Remainder(Int128 Value, int Index);

    /// <summary>Largest remainder first; on a tie, the earlier item.</summary>
    private readonly struct LargestFirst : IComparer<Remainder>
    {
        public int Compare(Remainder x, Remainder y) =>
            x.Value != y.Value ? y.Value.CompareTo(x.Value) : x.Index.CompareTo(y.Index);
    }
}

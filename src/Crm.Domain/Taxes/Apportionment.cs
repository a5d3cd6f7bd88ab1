using System.Collections.Immutable;
using Crm.Domain.Registry;
using Crm.Domain.Problems;

namespace Crm.Domain.Taxes;

/// <summary>
/// Rateio: splits a document-level amount (freight, insurance, other expenses, discount) across items in
/// proportion to their value, exact to the cent: the shares always add up to the amount, because NF-e
/// totals must equal the sum of the items with no tolerance (NT 2013.005).
/// <para>
/// Method — largest remainder (Hamilton): every item first gets its exact share cut down to the cent; the
/// cents left over (fewer than the number of items) go one each to the items whose cut-off remainders are
/// largest, the earlier item first on a tie. Unlike "residual to the last item" (which TAXES.md §1.1 also
/// allows), no share ever differs from its exact proportion by a cent or more, however many items there are,
/// and the result depends only on the amounts and their order. Items of value zero get nothing.
/// </para>
/// </summary>
public static class Apportionment
{
    /// <summary>Splits <paramref name="amount"/> in proportion to <paramref name="weights"/> (the items' values); both in cents, not negative.</summary>
    /// <returns>One share per weight, or every problem: negative or sub-cent amounts or weights, amounts beyond R$ 10^15, or all weights zero.</returns>
    public static Outcome<ImmutableArray<decimal>> Split(decimal amount, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var problems = Check(amount, weights.Count, i => weights[i], "amount", "weights");
        if (problems.HasProblems)
            return problems.ToInvalid();
        var shares = new decimal[weights.Count];
        var copy = new decimal[weights.Count];
        for (var i = 0; i < copy.Length; i++)
            copy[i] = weights[i];
        SplitChecked(amount, copy, shares);
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
    internal static void SplitChecked(decimal amount, ReadOnlySpan<decimal> weights, Span<decimal> shares)
    {
        shares.Clear();
        if (amount == 0m)
            return;
        var small = weights.Length <= 256;
        var values = small ? stackalloc long[weights.Length] : new long[weights.Length];
        Int128 total = 0;
        for (var i = 0; i < weights.Length; i++)
            total += values[i] = Cents(weights[i]);

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

using System.Collections.Immutable;
using Crm.Domain.Registry;

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
    /// <summary>Splits <paramref name="amount"/> (in cents, not negative) in proportion to <paramref name="weights"/>.</summary>
    /// <returns>One share per weight, or every problem: a negative or sub-cent amount, negative weights, or all weights zero.</returns>
    public static ParseResult<ImmutableArray<decimal>> Split(decimal amount, IReadOnlyList<decimal> weights)
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

    /// <summary>Validates a split; <paramref name="weight"/> reads the i-th weight.</summary>
    internal static ProblemCollector Check(decimal amount, int count, Func<int, decimal> weight, string amountField, string weightsField)
    {
        var problems = new ProblemCollector();
        problems.Cents(amountField, amount);
        var total = 0m;
        for (var i = 0; i < count; i++)
        {
            var w = weight(i);
            problems.NotNegative($"{weightsField}[{i}]", w);
            total += Math.Max(0m, w);
        }
        if (amount > 0m && total == 0m)
            problems.Add(amountField, TaxCodes.NoWeight, $"Não há itens com valor para ratear {amount}.");
        return problems;
    }

    /// <summary>The split proper, for inputs that passed <see cref="Check"/>; writes one share per weight.</summary>
    internal static void SplitChecked(decimal amount, ReadOnlySpan<decimal> weights, Span<decimal> shares)
    {
        shares.Clear();
        if (amount == 0m)
            return;
        var total = 0m;
        foreach (var w in weights)
            total += w;

        var cents = amount * 100m;
        var remainders = new decimal[weights.Length];
        var given = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = cents * weights[i] / total;
            var floor = decimal.Floor(exact);
            shares[i] = floor;
            remainders[i] = exact - floor;
            given += floor;
        }

        var leftover = (int)(cents - given);
        if (leftover > 0)
        {
            var order = new int[weights.Length];
            for (var i = 0; i < order.Length; i++)
                order[i] = i;
            Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
            for (var k = 0; k < leftover; k++)
                shares[order[k]] += 1m;
        }

        for (var i = 0; i < shares.Length; i++)
            shares[i] /= 100m;
    }
}

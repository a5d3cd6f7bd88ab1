using Crm.Domain.Taxes;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Taxes;

public class ApportionmentTests
{
    // Emissor Fácil's help page (https://intercom.help/emissorfacil/pt-BR/articles/10824510-valor-do-frete-arredondando):
    // freight R$ 68.00 over three items of equal value rounded to 22.67 each sums to 68.01 — a total the SEFAZ rejects.
    // Cut down to the cent (22.66 each, 67.98) the two cents left go to the item TAXES.md §1.1 names.
    [Fact]
    public void The_residual_cents_go_to_the_last_item_by_default()
    {
        Assert.Equal([22.66m, 22.66m, 22.68m], Apportionment.Split(68m, [10m, 10m, 10m]).AsT0.ToArray());
        Assert.Equal([22.66m, 22.66m, 22.68m], Apportionment.Split(68m, [10m, 10m, 10m], ApportionmentResidual.LastItem).AsT0.ToArray());

        // the last item of value above zero: a free last line takes nothing
        Assert.Equal([22.66m, 45.34m, 0m], Apportionment.Split(68m, [10m, 20m, 0m]).AsT0.ToArray());
    }

    [Fact]
    public void The_residual_cents_go_to_the_largest_item_when_the_erp_does_so()
    {
        // 68.00 over 10 : 30 : 20 → exact 11.333…, 34.00, 22.666… → cut 11.33, 34.00, 22.66; the cent left goes to the 30.
        Assert.Equal([11.33m, 34.01m, 22.66m], Apportionment.Split(68m, [10m, 30m, 20m], ApportionmentResidual.LargestItem).AsT0.ToArray());

        // a tie for the largest: the earlier item
        Assert.Equal([22.68m, 22.66m, 22.66m], Apportionment.Split(68m, [10m, 10m, 10m], ApportionmentResidual.LargestItem).AsT0.ToArray());
    }

    [Fact]
    public void Leftover_cents_go_to_the_largest_remainders()
    {
        // 100.00 over three equal items: 33.33 each and one cent left, which goes to the first item (tie → earlier).
        Assert.Equal([33.34m, 33.33m, 33.33m], Apportionment.Split(100m, [10m, 10m, 10m], ApportionmentResidual.LargestRemainder).AsT0.ToArray());

        // 10.00 over 1 : 2 : 3 — exact 1.666…, 3.333…, 5.000 → floors 1.66, 3.33, 5.00; the cent goes to the .666… remainder.
        Assert.Equal([1.67m, 3.33m, 5.00m], Apportionment.Split(10m, [1m, 2m, 3m], ApportionmentResidual.LargestRemainder).AsT0.ToArray());
    }

    [Fact]
    public void Items_of_zero_value_get_nothing()
    {
        Assert.Equal([0m, 5m, 0m, 5m], Apportionment.Split(10m, [0m, 7m, 0m, 7m]).AsT0.ToArray());
    }

    [Fact]
    public void Zero_amount_splits_into_zeros_even_without_weights()
    {
        Assert.Equal([0m, 0m], Apportionment.Split(0m, [0m, 0m]).AsT0.ToArray());
    }

    [Fact]
    public void Invalid_inputs_list_every_problem()
    {
        var result = Apportionment.Split(-1.001m, [-5m, 3m]);

        Assert.Equal(
            [("amount", TaxCodes.Negative), ("amount", TaxCodes.Precision), ("weights[0]", TaxCodes.Negative)],
            result.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal(TaxCodes.NoWeight, Assert.Single(Apportionment.Split(1m, [0m, 0m]).Problems).Code);
        Assert.Equal(
            [("weights[0]", TaxCodes.Precision), ("weights[1]", TaxCodes.Magnitude)],
            Apportionment.Split(1m, [0.001m, 1_000_000_000_000_000.01m]).Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Large_amounts_split_exactly()
    {
        // R$ 10^15 over weights whose exact shares need more than 28 significant digits in decimal; expected values
        // computed with exact fractions (Python fractions.Fraction): floors …998.98, 0.02 and …000.98, and the two cents
        // left go to the largest remainders, .997 (second item) and .899 (third), not to .104 (first).
        var shares = Apportionment.Split(1_000_000_000_000_000m, [1_000_000_000_000_000m, 0.03m, 999_999_999_999.99m], ApportionmentResidual.LargestRemainder).AsT0;

        Assert.Equal(1_000_000_000_000_000m, shares.Sum());
        Assert.Equal([999_000_999_000_998.98m, 0.03m, 999_000_999_000.99m], shares.ToArray());
        Assert.Equal([999_000_999_000_998.98m, 0.02m, 999_000_999_001.00m],
            Apportionment.Split(1_000_000_000_000_000m, [1_000_000_000_000_000m, 0.03m, 999_999_999_999.99m]).AsT0.ToArray());
    }

    [Property]
    public bool Shares_add_up_to_the_amount_exactly(NonNegativeInt cents, NonEmptyArray<NonNegativeInt> weights, byte residual)
    {
        var w = Weights(weights);
        var amount = cents.Get / 100m;
        var result = Apportionment.Split(amount, w, Residual(residual));
        return w.Sum() == 0m ? !result.IsValid || amount == 0m : result.AsT0.Sum() == amount;
    }

    // The property: for any positive weights, the apportioned cents sum exactly to the header, whichever item
    // takes the residual; no share is negative or below its exact proportion cut down to the cent.
    [Property]
    public bool Apportioned_cents_always_sum_to_the_header_for_positive_weights(PositiveInt cents, NonEmptyArray<PositiveInt> weights, byte residual)
    {
        var w = weights.Get.Select(x => x.Get / 100m).ToArray();
        var amount = cents.Get / 100m;
        var total = w.Sum();
        var shares = Apportionment.Split(amount, w, Residual(residual)).AsT0;
        return shares.Sum() == amount
               && shares.Select((s, i) => s - decimal.Floor(amount * w[i] / total * 100m) / 100m).All(d => d >= 0m)
               && shares.All(s => decimal.Round(s, 2) == s);
    }

    [Property]
    public bool Only_the_residual_holder_gets_more_than_its_cut_share(PositiveInt cents, NonEmptyArray<PositiveInt> weights, bool largest)
    {
        var w = weights.Get.Select(x => x.Get / 100m).ToArray();
        var amount = cents.Get / 100m;
        var total = w.Sum();
        var residual = largest ? ApportionmentResidual.LargestItem : ApportionmentResidual.LastItem;
        var holder = largest ? Array.IndexOf(w, w.Max()) : w.Length - 1;
        var shares = Apportionment.Split(amount, w, residual).AsT0;
        return shares.Select((s, i) => i == holder || s == decimal.Floor(amount * w[i] / total * 100m) / 100m).All(ok => ok);
    }

    [Property]
    public bool Every_share_is_within_a_cent_of_its_exact_proportion_by_largest_remainder(NonNegativeInt cents, NonEmptyArray<NonNegativeInt> weights)
    {
        var w = Weights(weights);
        var total = w.Sum();
        if (total == 0m)
            return true;
        var amount = cents.Get / 100m;
        var shares = Apportionment.Split(amount, w, ApportionmentResidual.LargestRemainder).AsT0;
        return shares.Select((s, i) => Math.Abs(s - amount * w[i] / total)).All(d => d < 0.01m)
               && shares.All(s => decimal.Round(s, 2) == s);
    }

    [Property]
    public bool Scaling_every_weight_changes_nothing(NonNegativeInt cents, NonEmptyArray<NonNegativeInt> weights, PositiveInt factor)
    {
        var w = Weights(weights);
        if (w.Sum() == 0m)
            return true;
        var amount = cents.Get / 100m;
        var scaled = w.Select(x => x * (factor.Get % 1000)).ToArray();
        return factor.Get % 1000 == 0 || Apportionment.Split(amount, w, Residual(factor.Get)).AsT0.SequenceEqual(Apportionment.Split(amount, scaled, Residual(factor.Get)).AsT0);
    }

    private static decimal[] Weights(NonEmptyArray<NonNegativeInt> weights) => weights.Get.Select(w => w.Get / 100m).ToArray();

    private static ApportionmentResidual Residual(int seed) => (ApportionmentResidual)(seed % 3);
}

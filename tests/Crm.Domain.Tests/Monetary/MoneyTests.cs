using Crm.Domain.Monetary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Monetary;

public class MoneyTests
{
    [Theory]
    [InlineData("brl", "BRL")]
    [InlineData(" usd ", "USD")]
    public void User_input_is_normalised_to_an_upper_case_code(string input, string code) =>
        Assert.Equal(new Money(10m, code), Money.Create(10m, input).AsT0);

    [Theory]
    [InlineData(null)]
    [InlineData("R$")]
    [InlineData("REAL")]
    [InlineData("B1L")]
    public void Anything_but_three_letters_is_not_a_currency(string? input) =>
        Assert.Equal(Money.CurrencyFormatCode, Money.Create(10m, input).AsT1.Problems.Single().Code);

    [Fact]
    public void A_malformed_code_in_code_is_a_bug() =>
        Assert.Throws<ArgumentException>(() => new Money(1m, "brl"));

    [Fact]
    public void Amounts_add_only_within_one_currency()
    {
        Assert.Equal(Money.Brl(15m), Money.Brl(10m).Add(Money.Brl(5m)));
        Assert.Throws<InvalidOperationException>(() => Money.Brl(10m).Add(new Money(5m, "USD")));
    }

    [Fact]
    public void Times_keeps_the_currency_and_decimal_precision() =>
        Assert.Equal(new Money(0.75m, "USD"), new Money(1m, "USD").Times(0.75m));

    private static readonly Arbitrary<(decimal A, decimal B, decimal C)> Amounts =
        (from a in Gen.Choose(-1_000_000, 1_000_000) from b in Gen.Choose(-1_000_000, 1_000_000) from c in Gen.Choose(-1_000_000, 1_000_000)
         select (a / 100m, b / 100m, c / 100m)).ToArbitrary();

    [Property]
    public Property Adding_is_commutative_and_associative_within_a_currency() => Prop.ForAll(Amounts, t =>
    {
        Money a = Money.Brl(t.A), b = Money.Brl(t.B), c = Money.Brl(t.C);
        return a.Add(b) == b.Add(a) && a.Add(b).Add(c) == a.Add(b.Add(c));
    });

    [Property]
    public Property Times_distributes_over_add() => Prop.ForAll(Amounts, t =>
    {
        var factor = t.C / 10_000m;
        return Money.Brl(t.A).Add(Money.Brl(t.B)).Times(factor) == Money.Brl(t.A).Times(factor).Add(Money.Brl(t.B).Times(factor));
    });
}

using Crm.Domain.Monetary;

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
}

using Crm.Domain.Problems;

namespace Crm.Domain.Monetary;

/// <summary>
/// An amount in one currency (ISO 4217 alphabetic code, e.g. <c>BRL</c>, <c>USD</c>). Amounts in different
/// currencies are never added together: <see cref="Add"/> refuses, and totals are kept per currency.
/// </summary>
public readonly record struct Money
{
    /// <summary>Problem code for a currency that is not three upper-case ASCII letters.</summary>
    public const string CurrencyFormatCode = "money.currency.format";

    /// <summary>Creates an amount; throws when <paramref name="currency"/> is not an ISO 4217 code (use <see cref="Create"/> for user input).</summary>
    /// <param name="amount">The amount, in units of the currency.</param>
    /// <param name="currency">The ISO 4217 alphabetic code.</param>
    public Money(decimal amount, string currency)
    {
        if (!IsCurrencyCode(currency))
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount, in units of <see cref="Currency"/>.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 alphabetic currency code.</summary>
    public string Currency { get; }

    /// <summary>Brazilian reais.</summary>
    /// <param name="amount">The amount in BRL.</param>
    public static Money Brl(decimal amount) => new(amount, "BRL");

    /// <summary>Creates an amount from user input, or the problem with the currency code.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency code as typed (case-insensitive, trimmed).</param>
    /// <param name="field">The field name reported in the problem.</param>
    public static OneOf.OneOf<Money, Invalid> Create(decimal amount, string? currency, string field = "currency")
    {
        var code = currency?.Trim().ToUpperInvariant();
        return code is not null && IsCurrencyCode(code)
            ? new Money(amount, code)
            : new Invalid(new Problem(field, CurrencyFormatCode, $"Moeda '{currency}' não é um código ISO 4217 (ex.: BRL, USD)."));
    }

    /// <summary>True when <paramref name="code"/> has the shape of an ISO 4217 alphabetic code: three upper-case ASCII letters.</summary>
    /// <param name="code">The code to check.</param>
    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>This amount times <paramref name="factor"/> (e.g. a probability), in the same currency.</summary>
    /// <param name="factor">The multiplier.</param>
    public Money Times(decimal factor) => new(Amount * factor, Currency);

    /// <summary>The sum of two amounts in the same currency; throws for different currencies, which is a bug.</summary>
    /// <param name="other">The amount to add.</param>
    public Money Add(Money other)
    {
        if (other.Currency != Currency)
            throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
        return new(Amount + other.Amount, Currency);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Currency} {Amount:0.00##}";
}

using System.Diagnostics.CodeAnalysis;
using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>Parsing of the codes that are a fixed number of digits without a check digit (NCM, CEST, CFOP).</summary>
internal static class FixedDigits
{
    public static bool IsValid(string? value, int length) => TryParse(value, length, out _);

    public static Outcome<T> Parse<T>(string? value, int length, string field, string name, Func<string, T> create) =>
        TryParse(value, length, out var digits)
            ? create(digits)
            : new Invalid(Refusal(value, length, field, name));

    // Why TryParse refused value: worked out on the failure path only, so TryParse stays silent and allocation-free.
    private static Problem Refusal(string? value, int length, string field, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new Problem(field, RegistryCodes.Empty, $"{name} não informado.");
        Span<char> digits = stackalloc char[length];
        return !DocumentText.TryUnmask(value, digits, out var count) || count != length
            ? new Problem(field, RegistryCodes.Length, $"{name} deve ter {length} dígitos.")
            : new Problem(field, RegistryCodes.Characters, $"{name} deve conter apenas dígitos.");
    }

    /// <summary>The digits of a valid value without reporting why an invalid one is not; allocates only to unmask.</summary>
    public static bool TryParse(string? value, int length, [NotNullWhen(true)] out string? result)
    {
        result = null;
        if (value is null)
            return false;
        Span<char> digits = stackalloc char[length];
        if (!DocumentText.TryUnmask(value, digits, out var count) || count != length || digits.ContainsAnyExceptInRange('0', '9'))
            return false;
        result = count == value.Length ? value : new string(digits);
        return true;
    }
}

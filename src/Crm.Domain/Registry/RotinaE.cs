namespace Crm.Domain.Registry;

/// <summary>The weighted modulus-11 check digit shared by CPF and CNPJ (numeric and alphanumeric).</summary>
internal static class RotinaE
{
    /// <summary>
    /// Rotina E over <paramref name="body"/>: each character is worth its code minus <c>'0'</c> (so digits
    /// are 0–9 and, for the alphanumeric CNPJ, A–Z are 17–42); weights run 2, 3, … from the rightmost
    /// character and wrap back to 2 after <paramref name="maxWeight"/> (CPF: 11, never reached; CNPJ: 9).
    /// </summary>
    public static int Digit(ReadOnlySpan<char> body, int maxWeight)
    {
        int sum = 0, weight = 2;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            sum += (body[i] - '0') * weight;
            weight = weight == maxWeight ? 2 : weight + 1;
        }
        return DocumentText.Mod11(sum);
    }

    /// <summary>True when the last two characters of <paramref name="document"/> are its two check digits.</summary>
    public static bool Match(ReadOnlySpan<char> document, int maxWeight) =>
        document[^2] - '0' == Digit(document[..^2], maxWeight)
        && document[^1] - '0' == Digit(document[..^1], maxWeight);
}

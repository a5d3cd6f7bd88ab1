using FsCheck;
using FsCheck.Fluent;

namespace Crm.Domain.Tests.Registry;

/// <summary>A CPF built by computing its check digits in the test, straight from REGISTRY.md §1.</summary>
public sealed record GeneratedCpf(string Digits);

/// <summary>A numeric CNPJ whose check digits were computed by <see cref="Reference.NumericCnpjIsValid"/>'s rule.</summary>
public sealed record GeneratedNumericCnpj(string Characters);

/// <summary>An alphanumeric CNPJ (at least one letter) with check digits computed from the ASCII − 48 rule.</summary>
public sealed record GeneratedAlphanumericCnpj(string Characters);

/// <summary>Any 14 digits, valid CNPJ or not, for comparing against the numeric-only reference.</summary>
public sealed record FourteenDigits(string Digits);

/// <summary>An IBGE municipality code with its check digit computed in the test.</summary>
public sealed record GeneratedMunicipio(string Digits);

/// <summary>A Brazilian phone number (DDD + number) in national form, mobile or landline.</summary>
public sealed record GeneratedPhone(string National);

/// <summary>Independent implementations of the published rules, written with explicit weight tables.</summary>
public static class Reference
{
    private static readonly int[] CpfWeights1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CpfWeights2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjWeights1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjWeights2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    public static readonly int[] Ddds =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46,
        47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85,
        86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ];

    public static readonly int[] IbgeStateCodes =
        [11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 35, 41, 42, 43, 50, 51, 52, 53];

    private static int RotinaE(IEnumerable<int> values, int[] weights)
    {
        var r = values.Zip(weights, (v, w) => v * w).Sum() % 11;
        return r < 2 ? 0 : 11 - r;
    }

    public static string WithCpfDigits(string nine)
    {
        var values = nine.Select(c => c - '0').ToList();
        values.Add(RotinaE(values, CpfWeights1));
        values.Add(RotinaE(values, CpfWeights2));
        return string.Concat(values);
    }

    /// <summary>The ASCII − 48 rule of IN RFB 2.229/2024 (A = 17 … Z = 42).</summary>
    public static string WithCnpjDigits(string twelve)
    {
        var values = twelve.Select(c => (int)c - 48).ToList();
        var dv1 = RotinaE(values, CnpjWeights1);
        values.Add(dv1);
        var dv2 = RotinaE(values, CnpjWeights2);
        return $"{twelve}{dv1}{dv2}";
    }

    /// <summary>The classic numeric-only CNPJ rule over integer digits, without the alphanumeric mapping.</summary>
    public static bool NumericCnpjIsValid(string fourteen)
    {
        var digits = fourteen.Select(c => c - '0').ToArray();
        if (digits.All(d => d == 0))
            return false;
        int Dv(int count, int[] weights)
        {
            var sum = 0;
            for (var i = 0; i < count; i++)
                sum += digits[i] * weights[i];
            return sum % 11 < 2 ? 0 : 11 - sum % 11;
        }
        return Dv(12, CnpjWeights1) == digits[12] && Dv(13, CnpjWeights2) == digits[13];
    }

    /// <summary>IBGE: weights 1,2,1,2,1,2, add the digits of the products, DV = (10 − sum mod 10) mod 10.</summary>
    public static string WithMunicipioDigit(string six)
    {
        var sum = six.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 2)).Sum(p => p / 10 + p % 10);
        return $"{six}{(10 - sum % 10) % 10}";
    }
}

/// <summary>FsCheck generators for valid documents, used with <c>[Property(Arbitrary = [typeof(DocumentGenerators)])]</c>.</summary>
public static class DocumentGenerators
{
    private static readonly char[] Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray();

    private static Gen<string> DigitString(int length) =>
        Gen.Choose(0, 9).ArrayOf(length).Select(d => string.Concat(d));

    public static Arbitrary<GeneratedCpf> Cpf() =>
        DigitString(9).Select(Reference.WithCpfDigits)
            .Where(cpf => cpf.Distinct().Count() > 1)
            .Select(cpf => new GeneratedCpf(cpf))
            .ToArbitrary();

    public static Arbitrary<GeneratedNumericCnpj> NumericCnpj() =>
        DigitString(12).Where(body => body.Any(c => c != '0'))
            .Select(body => new GeneratedNumericCnpj(Reference.WithCnpjDigits(body)))
            .ToArbitrary();

    public static Arbitrary<GeneratedAlphanumericCnpj> AlphanumericCnpj() =>
        Gen.Elements(Alphanumerics).ArrayOf(12).Select(c => new string(c))
            .Where(body => body.Any(char.IsAsciiLetter))
            .Select(body => new GeneratedAlphanumericCnpj(Reference.WithCnpjDigits(body)))
            .ToArbitrary();

    // Half valid CNPJs, half arbitrary digits, so that both answers of the comparison are exercised.
    public static Arbitrary<FourteenDigits> Fourteen() =>
        Gen.OneOf(
                DigitString(14),
                DigitString(12).Select(Reference.WithCnpjDigits))
            .Select(d => new FourteenDigits(d))
            .ToArbitrary();

    public static Arbitrary<GeneratedMunicipio> Municipio() =>
        (from state in Gen.Elements(Reference.IbgeStateCodes)
         from number in Gen.Choose(1, 9999)
         select new GeneratedMunicipio(Reference.WithMunicipioDigit($"{state}{number:D4}")))
        .ToArbitrary();

    public static Arbitrary<GeneratedPhone> Phone() =>
        (from ddd in Gen.Elements(Reference.Ddds)
         from mobile in Gen.Elements(true, false)
         from first in mobile ? Gen.Constant(9) : Gen.Choose(2, 5)
         from rest in DigitString(mobile ? 8 : 7)
         select new GeneratedPhone($"{ddd}{first}{rest}"))
        .ToArbitrary();
}

using System.Globalization;
using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Domain.Tests.Registry;

/// <summary>
/// Builds valid IEs for the property tests, written straight from the table in REGISTRY.md §2 and
/// deliberately independent of the production layouts: when both agree, the table was read the same
/// way twice.
/// </summary>
public static class InscricaoEstadualSpec
{
    /// <summary>A generated IE (unmasked) and the indexes of its check digits in <see cref="Value"/>.</summary>
    public sealed record Sample(Uf Uf, string Value, int[] CheckDigits)
    {
        public override string ToString() => $"{Uf} {Value} (DVs at {string.Join(",", CheckDigits)})";
    }

    /// <summary>Every UF and every form, with the prefixes the state guides give (so no warnings are expected).</summary>
    public static Arbitrary<Sample> Samples() =>
        Gen.Elements(Enum.GetValues<Uf>())
            .SelectMany(uf => Gen.Choose(0, 9).ArrayOf(16).SelectMany(digits => Gen.Choose(0, 999_999).Select(pick => Build(uf, digits, pick))))
            .Where(sample => sample is not null)
            .Select(sample => sample!)
            .ToArbitrary();

    /// <summary>Builds a valid IE of <paramref name="uf"/> from random digits; <paramref name="pick"/> chooses form, prefix and range.</summary>
    public static Sample? Build(Uf uf, int[] d, int pick) => uf switch
    {
        Uf.AC => pick % 4 == 0 ? Nine(uf, "01", d, E) : AcreOrDf(uf, "01", d), // 9 digits: ACBr's legacy form
        Uf.AL => Nine(uf, "24", d, s => s * 10 % 11 == 10 ? 0 : s * 10 % 11),
        Uf.AM => Amazonas(d),
        Uf.AP => Amapa(d, pick),
        Uf.BA => Bahia(d, pick % 2 == 0 ? 6 : 7),
        Uf.CE => Nine(uf, "06", d, E),
        Uf.DF => AcreOrDf(uf, Of(pick, "07", "08"), d),
        Uf.ES or Uf.SC or Uf.SE => Nine(uf, "", d, E),
        Uf.GO => Goias(d, pick),
        Uf.MA => Nine(uf, "12", d, E),
        Uf.MG => MinasGerais(d),
        // SINTEGRA cad_MS: R = A mod 11; R = 0 gives 0; T = 11 − R; T > 9 gives 0, else T.
        Uf.MS => Nine(uf, "28", d, s => s % 11 == 0 || 11 - s % 11 > 9 ? 0 : 11 - s % 11),
        Uf.MT => MatoGrosso(d, pick),
        Uf.PA => Nine(uf, "15", d, E),
        Uf.PB => Nine(uf, "16", d, E),
        Uf.PE => pick % 2 == 0 ? PernambucoNew(d) : PernambucoOld(d, pick),
        Uf.PI => Nine(uf, "19", d, E),
        Uf.PR => Parana(d),
        Uf.RJ => RioDeJaneiro(d, pick),
        Uf.RN => RioGrandeDoNorte(d, pick),
        Uf.RO => pick % 2 == 0 ? Rondonia14(d) : Rondonia9(d),
        Uf.RR => Roraima(d),
        Uf.RS => RioGrandeDoSul(d),
        Uf.SP => pick % 2 == 0 ? SaoPaulo(d) : SaoPauloRural(d),
        Uf.TO => pick % 2 == 0 ? Nine(uf, "29", d, E) : TocantinsLegacy(d, pick),
        _ => throw new ArgumentOutOfRangeException(nameof(uf)),
    };

    // Rotina E.
    private static int E(int sum) => sum % 11 < 2 ? 0 : 11 - sum % 11;

    private static int Sum(string digits, params int[] weights) =>
        weights.Select((w, i) => (digits[i] - '0') * w).Sum();

    private static readonly int[] W92 = [9, 8, 7, 6, 5, 4, 3, 2];

    private static string Take(int[] digits, int count, int skip = 0) => string.Concat(digits.Skip(skip).Take(count));

    private static string Of(int pick, params string[] options) => options[pick % options.Length];

    /// <summary>Nine digits: prefix and random digits up to eight, w 9..2, then <paramref name="rule"/>.</summary>
    private static Sample Nine(Uf uf, string prefix, int[] digits, Func<int, int> rule)
    {
        var body = prefix + Take(digits, 8 - prefix.Length);
        return new(uf, body + rule(Sum(body, W92)), [8]);
    }

    private static Sample AcreOrDf(Uf uf, string prefix, int[] d)
    {
        var body = prefix + Take(d, 9);
        var first = E(Sum(body, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2));
        var second = E(Sum(body + first, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2));
        return new(uf, $"{body}{first}{second}", [11, 12]);
    }

    private static Sample? Amazonas(int[] d)
    {
        var body = Take(d, 8);
        var sum = Sum(body, W92);
        var dv = sum < 11 ? 11 - sum : E(sum);
        return dv > 9 ? null : new(Uf.AM, body + dv, [8]); // S of 0 or 1: no digit satisfies the rule
    }

    /// <summary>AP: the number is drawn from one of the three ranges, which set p and d.</summary>
    private static Sample Amapa(int[] d, int pick)
    {
        var (low, high, p, dd) = (pick % 3) switch
        {
            0 => (3_000_001, 3_017_000, 5, 0),
            1 => (3_017_001, 3_019_022, 9, 1),
            _ => (3_019_023, 3_999_999, 0, 0),
        };
        var body = (low + pick % (high - low + 1)).ToString("D8", CultureInfo.InvariantCulture);
        var dv = 11 - (p + Sum(body, W92)) % 11;
        return new(Uf.AP, body + (dv == 10 ? 0 : dv == 11 ? dd : dv), [8]);
    }

    /// <summary>BA: 2nd DV first, over the body; then the 1st DV over body + 2nd DV; mod 10 or 11 by the 1st/2nd digit.</summary>
    private static Sample Bahia(int[] d, int bodyLength)
    {
        var body = Take(d, bodyLength);
        var selector = body[bodyLength == 6 ? 0 : 1];
        Func<int, int> rule = "0123458".Contains(selector) ? s => (10 - s % 10) % 10 : E;
        var second = rule(Sum(body, [.. Enumerable.Range(2, bodyLength).Reverse()]));
        var first = rule(Sum(body + second, [.. Enumerable.Range(2, bodyLength + 1).Reverse()]));
        return new(Uf.BA, $"{body}{first}{second}", [bodyLength, bodyLength + 1]);
    }

    /// <summary>GO: current SINTEGRA rule plus the legacy r = 1 exception; half the samples fall in its range.</summary>
    private static Sample Goias(int[] d, int pick)
    {
        var body = pick % 2 == 0
            ? (10_103_105 + pick % (10_119_997 - 10_103_105 + 1)).ToString("D8", CultureInfo.InvariantCulture)
            : Of(pick / 2, "10", "11", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29") + Take(d, 6);
        var n = int.Parse(body, CultureInfo.InvariantCulture);
        var r = Sum(body, W92) % 11;
        var dv = r == 0 ? 0 : r == 1 ? (n >= 10_103_105 && n <= 10_119_997 ? 1 : 0) : 11 - r;
        return new(Uf.GO, body + dv, [8]);
    }

    /// <summary>MG: D1 inserts a 0 after the município, weights 1,2,1,2…, sums the digits of the products; D2 rotina E.</summary>
    private static Sample MinasGerais(int[] d)
    {
        var body = Take(d, 11);
        var withZero = body[..3] + "0" + body[3..];
        var digitSum = withZero.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 2)).Sum(p => p / 10 + p % 10);
        var first = (10 - digitSum % 10) % 10;
        var second = E(Sum(body + first, 3, 2, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2));
        return new(Uf.MG, $"{body}{first}{second}", [11, 12]);
    }

    /// <summary>MT: 11 digits, or the same number written without its leading zeros (8 to 10 digits).</summary>
    private static Sample MatoGrosso(int[] d, int pick)
    {
        var zeros = pick % 4; // 0: full 11 digits; 1–3 leading zeros dropped in the written form
        var body = new string('0', zeros) + Take(d, 10 - zeros);
        var value = (body + E(Sum(body, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)))[zeros..];
        return new(Uf.MT, value, [value.Length - 1]);
    }

    private static Sample PernambucoNew(int[] d)
    {
        var body = Take(d, 7);
        var first = E(Sum(body, 8, 7, 6, 5, 4, 3, 2));
        var second = E(Sum(body + first, W92));
        return new(Uf.PE, $"{body}{first}{second}", [7, 8]);
    }

    private static Sample PernambucoOld(int[] d, int pick)
    {
        var body = "18" + (1 + pick % 9) + Take(d, 10);
        var dv = 11 - Sum(body, 5, 4, 3, 2, 1, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        return new(Uf.PE, body + (dv > 9 ? dv - 10 : dv), [13]);
    }

    private static Sample Parana(int[] d)
    {
        var body = Take(d, 8);
        var first = E(Sum(body, 3, 2, 7, 6, 5, 4, 3, 2));
        var second = E(Sum(body + first, 4, 3, 2, 7, 6, 5, 4, 3, 2));
        return new(Uf.PR, $"{body}{first}{second}", [8, 9]);
    }

    private static Sample RioDeJaneiro(int[] d, int pick)
    {
        var body = Of(pick, "1", "7", "8", "9") + Take(d, 6);
        return new(Uf.RJ, body + E(Sum(body, 2, 7, 6, 5, 4, 3, 2)), [7]);
    }

    private static Sample RioGrandeDoNorte(int[] d, int pick)
    {
        int[] weights = pick % 2 == 0 ? W92 : [10, 9, 8, 7, 6, 5, 4, 3, 2];
        var body = "20" + Take(d, weights.Length - 2);
        var dv = Sum(body, weights) * 10 % 11;
        return new(Uf.RN, body + (dv == 10 ? 0 : dv), [weights.Length]);
    }

    private static int RondoniaDigit(int sum) => 11 - sum % 11 >= 10 ? 11 - sum % 11 - 10 : 11 - sum % 11;

    private static Sample Rondonia14(int[] d)
    {
        var body = Take(d, 13);
        return new(Uf.RO, body + RondoniaDigit(Sum(body, 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)), [13]);
    }

    /// <summary>Before 01/08/2000: município (3) + company (5) + DV over the company digits only.</summary>
    private static Sample Rondonia9(int[] d)
    {
        var municipio = Take(d, 3);
        var company = Take(d, 5, skip: 3);
        return new(Uf.RO, municipio + company + RondoniaDigit(Sum(company, 6, 5, 4, 3, 2)), [8]);
    }

    private static Sample Roraima(int[] d)
    {
        var body = "24" + Take(d, 6);
        return new(Uf.RR, body + Sum(body, 1, 2, 3, 4, 5, 6, 7, 8) % 9, [8]);
    }

    private static Sample RioGrandeDoSul(int[] d)
    {
        var body = Take(d, 9);
        return new(Uf.RS, body + E(Sum(body, 2, 9, 8, 7, 6, 5, 4, 3, 2)), [9]);
    }

    private static int SaoPauloDigit(int sum) => sum % 11 % 10; // the rightmost digit of the remainder

    private static Sample SaoPaulo(int[] d)
    {
        var head = Take(d, 8);
        var middle = head + SaoPauloDigit(Sum(head, 1, 3, 4, 5, 6, 7, 8, 10)) + Take(d, 2, skip: 8);
        return new(Uf.SP, middle + SaoPauloDigit(Sum(middle, 3, 2, 10, 9, 8, 7, 6, 5, 4, 3, 2)), [8, 11]);
    }

    /// <summary>P, then 0 + 7 digits, the DV, and 3 digits the DV does not cover.</summary>
    private static Sample SaoPauloRural(int[] d)
    {
        var head = "0" + Take(d, 7);
        return new(Uf.SP, $"P{head}{SaoPauloDigit(Sum(head, 1, 3, 4, 5, 6, 7, 8, 10))}{Take(d, 3, skip: 7)}", [9]);
    }

    /// <summary>TO legacy: 29 + type + 6 digits; the DV skips the type (d3–d4).</summary>
    private static Sample TocantinsLegacy(int[] d, int pick)
    {
        var type = Of(pick / 2, "01", "02", "03", "99");
        var rest = Take(d, 6);
        return new(Uf.TO, "29" + type + rest + E(Sum("29" + rest, W92)), [10]);
    }
}

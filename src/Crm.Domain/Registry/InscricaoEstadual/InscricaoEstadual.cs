using System.Diagnostics.CodeAnalysis;
using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>
/// Inscrição Estadual: how a party stands before a state's ICMS administration — a registered number
/// (<see cref="InscricaoEstadualKind.Registered"/>), exempt from registration (<c>ISENTO</c>), or
/// not a taxpayer at all. Only the first is a number; the others are distinct cases, never a value
/// stored in the number. Immutable; equal when kind, UF and value are equal.
/// </summary>
/// <remarks>
/// <para>
/// Rules per UF follow REGISTRY.md §2. Input may carry the masks <c>. - / ( )</c> and spaces;
/// <c>ISENTO</c> in any letter case parses to <see cref="Exempt"/> for every UF (as ACBr does).
/// A valid check digit does not prove the IE is active: that is SEFAZ's CCC / NfeConsultaCadastro.
/// </para>
/// <para>
/// Prefixes: where ACBr, Stella, erpbrasil.base (EB) and brazilian-utils disagree, an unexpected prefix is a
/// <see cref="Severity.Warning"/> (<see cref="RegistryCodes.Prefix"/>, listed in <see cref="Warnings"/>) and the
/// parse succeeds; where the state's guide and the implementations agree, it is an error.
/// A wrong check digit is always an error.
/// </para>
/// <list type="table">
/// <listheader><term>UF</term><description>Digits · prefix (E = error, W = warning) · mask of <see cref="ToString"/></description></listheader>
/// <item><term>AC</term><description>13 (or legacy 9) · <c>01</c> E · <c>01.004.823/001-12</c> (legacy 9: plain digits)</description></item>
/// <item><term>AL</term><description>9 · <c>24</c> E; d3 (company type) not enforced · <c>24.000.004-8</c></description></item>
/// <item><term>AM</term><description>9 · none · <c>04.193.980-8</c></description></item>
/// <item><term>AP</term><description>9 · <c>03</c> E · <c>03.012.345-9</c></description></item>
/// <item><term>BA</term><description>8 or 9 · none · <c>612345-57</c>, <c>1234567-48</c></description></item>
/// <item><term>CE</term><description>9 · <c>06</c> W (ACBr only) · <c>06.000.001-5</c></description></item>
/// <item><term>DF</term><description>13 · <c>07</c> or <c>08</c> E · <c>07.408.738/002-50</c></description></item>
/// <item><term>ES</term><description>9 · none · <c>082.223.54-8</c></description></item>
/// <item><term>GO</term><description>9 · <c>10</c>, <c>11</c>, <c>20</c>–<c>29</c>; legacy <c>15</c> W (EB); others E · <c>10.987.654-7</c>.
/// Stella's extra DV 1 for 11094402 is not accepted (SINTEGRA, ACBr and EB give 0).</description></item>
/// <item><term>MA</term><description>9 · <c>12</c> E · <c>12.000.038-5</c></description></item>
/// <item><term>MG</term><description>13 · none · <c>062.307.904/0081</c></description></item>
/// <item><term>MS</term><description>9 · <c>28</c>; <c>50</c> W (ACBr only); others E · <c>28.303.759-8</c></description></item>
/// <item><term>MT</term><description>8 to 11, stored left-padded to 11 · none · <c>0013193686-7</c></description></item>
/// <item><term>PA</term><description>9 · <c>15</c>; <c>75</c>–<c>79</c> W (ACBr, EB); others E · <c>15.999.999-5</c></description></item>
/// <item><term>PB</term><description>9 · <c>16</c> W (ACBr only) · <c>16.000.001-7</c></description></item>
/// <item><term>PE</term><description>9 (eFisco) · none · <c>0321418-40</c>; 14 (old CACEPE) · <c>18</c> E, d3 1–9 E (<see cref="RegistryCodes.Range"/>) · <c>18.1.001.0000004-9</c></description></item>
/// <item><term>PI</term><description>9 · <c>19</c> W (ACBr only) · <c>19.301.656-7</c></description></item>
/// <item><term>PR</term><description>10 · none · <c>123.45678-50</c></description></item>
/// <item><term>RJ</term><description>8 · d1 in 1, 7, 8, 9 W (ACBr only) · <c>78.045.302</c></description></item>
/// <item><term>RN</term><description>9 or 10 · <c>20</c> E · <c>20.040.040-1</c>, <c>20.0.040.040-0</c></description></item>
/// <item><term>RO</term><description>14, or the pre-2000 9 digits stored in the 14-digit form (101.62521-3 becomes 0000000062521-3, same DV) · none · <c>0000000062521-3</c></description></item>
/// <item><term>RR</term><description>9 · <c>24</c> E · <c>24001755-6</c></description></item>
/// <item><term>RS</term><description>10 · none (d1–d3 is the município, not checked) · <c>224/3658792</c></description></item>
/// <item><term>SC</term><description>9 · none · <c>251.040.852</c></description></item>
/// <item><term>SE</term><description>9 · none (real numbers start 27, 44, 67…) · <c>27123456-3</c></description></item>
/// <item><term>SP</term><description>12 · none · <c>110.042.490.114</c>; rural producer <c>P</c> + 12 · <c>0</c> after P W (EB requires it, ACBr does not) · <c>P-01100424.3/002</c></description></item>
/// <item><term>TO</term><description>9 · <c>29</c> W (ACBr only) · <c>29.040.636-6</c>; legacy 11 · <c>29</c> W, type 01/02/03/99 E (<see cref="RegistryCodes.Range"/>) · <c>29.01.022.783-6</c></description></item>
/// </list>
/// <para>
/// The masks are those of the SINTEGRA guides' and Stella's published examples. Per contaazul.com,
/// <see cref="IndIEDest.ExemptFromRegistration"/> is not offered in AM, BA, CE, GO, MT, MS, MG, PE, RN and SE;
/// that is weakly sourced (to be checked against MOC 7.0), so it is not enforced here. An NF-e issuer can never be ISENTO.
/// </para>
/// </remarks>
public sealed class InscricaoEstadual : IEquatable<InscricaoEstadual>
{
    private const string Field = "inscricaoEstadual";

    private InscricaoEstadual(InscricaoEstadualKind kind, Uf uf, string? value, IReadOnlyList<Problem> warnings)
    {
        Kind = kind;
        Uf = uf;
        Value = value;
        Warnings = warnings;
    }

    /// <summary>Registered number, exempt from registration, or non-taxpayer.</summary>
    public InscricaoEstadualKind Kind { get; }

    /// <summary>The state the inscription belongs to (for the other kinds, the state of the party).</summary>
    public Uf Uf { get; }

    /// <summary>
    /// For <see cref="InscricaoEstadualKind.Registered"/>, the unmasked digits in the state's canonical form
    /// (SP rural producers keep the leading <c>P</c>; MT is padded to 11; old RO numbers take the 14-digit form).
    /// Null for the other kinds.
    /// </summary>
    public string? Value { get; }

    /// <summary>True for a registered number, in which case <see cref="Value"/> is not null.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsRegistered => Kind == InscricaoEstadualKind.Registered;

    /// <summary>True for SP's rural producer numbers (<c>P-…</c>).</summary>
    public bool IsRuralProducer => Value is ['P', ..];

    /// <summary>Accepted-with-a-doubt findings (unexpected prefixes, <see cref="Severity.Warning"/>); empty when none.</summary>
    public IReadOnlyList<Problem> Warnings { get; }

    /// <summary>The NF-e <c>indIEDest</c> value for a recipient in this situation.</summary>
    public IndIEDest IndIEDest => Kind switch
    {
        InscricaoEstadualKind.Registered => IndIEDest.Taxpayer,
        InscricaoEstadualKind.ExemptFromRegistration => IndIEDest.ExemptFromRegistration,
        _ => IndIEDest.NonTaxpayer,
    };

    /// <summary>A taxpayer of <paramref name="uf"/> exempt from registration (<c>ISENTO</c>).</summary>
    public static InscricaoEstadual Exempt(Uf uf) => new(InscricaoEstadualKind.ExemptFromRegistration, Checked(uf), null, []);

    /// <summary>A party of <paramref name="uf"/> that is not an ICMS taxpayer.</summary>
    public static InscricaoEstadual NonTaxpayer(Uf uf) => new(InscricaoEstadualKind.NonTaxpayer, Checked(uf), null, []);

    /// <summary>
    /// True when <paramref name="value"/> is a valid IE of <paramref name="uf"/> (warnings allowed) or <c>ISENTO</c>.
    /// Allocates nothing.
    /// </summary>
    public static bool IsValid(string? value, Uf uf)
    {
        if (value is null)
            return false;
        Span<char> buffer = stackalloc char[IeInspector.Capacity];
        var result = IeInspector.Inspect(value, uf, buffer);
        return (result.Defects & IeDefects.Errors) == IeDefects.None;
    }

    /// <summary>Parses without reporting why; false when invalid. Warnings are on the result.</summary>
    public static bool TryParse(string? value, Uf uf, [NotNullWhen(true)] out InscricaoEstadual? result)
    {
        var parsed = Parse(value, uf);
        result = parsed.IsValid ? parsed.AsT0 : null;
        return result is not null;
    }

    /// <summary>
    /// Parses an IE of <paramref name="uf"/> with or without its mask, or <c>ISENTO</c>. On failure, lists every
    /// problem (field <c>inscricaoEstadual</c>, codes from <see cref="RegistryCodes"/>, messages in Portuguese).
    /// </summary>
    public static Outcome<InscricaoEstadual> Parse(string? value, Uf uf)
    {
        Span<char> buffer = stackalloc char[IeInspector.Capacity];
        var result = IeInspector.Inspect(value, uf, buffer);
        if (result.IsExempt)
            return Exempt(uf);
        var problems = Describe(result, uf, buffer);
        if (problems.HasErrors)
            return problems.ToInvalid();
        return new InscricaoEstadual(InscricaoEstadualKind.Registered, uf, new string(buffer[..result.Length]), problems.Items);
    }

    private static ProblemCollector Describe(IeInspector.Result result, Uf uf, ReadOnlySpan<char> canonical)
    {
        var (defects, layout) = (result.Defects, result.Layout);
        var problems = new ProblemCollector();
        if (defects.HasFlag(IeDefects.Empty))
            problems.Add(Error(RegistryCodes.Empty, $"IE de {uf} não informada (para contribuinte isento, informe ISENTO)."));
        if (defects.HasFlag(IeDefects.Length))
            problems.Add(Error(RegistryCodes.Length, $"IE de {uf} deve ter {string.Join(" ou ", IeLayouts.For(uf).Select(l => l.LengthText))} dígitos."));
        if (defects.HasFlag(IeDefects.Characters))
            problems.Add(Error(RegistryCodes.Characters, $"IE de {uf} deve conter apenas dígitos{(uf == Uf.SP ? " (com P inicial, se produtor rural)" : "")}, ou ISENTO."));
        if (layout is null)
            return problems;

        if (layout.Prefix is { } prefix && (defects & (IeDefects.Prefix | IeDefects.PrefixWarning)) != 0)
        {
            var actual = canonical[..prefix.PrefixLength].ToString();
            problems.Add(defects.HasFlag(IeDefects.Prefix)
                ? Error(RegistryCodes.Prefix, $"IE de {uf} deve começar com {prefix.Expected}, não {actual}.")
                : new Problem(Field, RegistryCodes.Prefix,
                    $"IE de {uf} começa com {actual}, fora do esperado ({prefix.Expected}); aceita com aviso: {prefix.Why}.", Severity.Warning));
        }
        if (defects.HasFlag(IeDefects.Segment))
            problems.Add(Error(RegistryCodes.Range, $"IE de {uf}: {layout.Segment!.Expected}."));
        var checks = layout.CheckDigits;
        for (var i = 0; i < checks.Length; i++)
            if (defects.HasFlag(i == 0 ? IeDefects.FirstCheckDigit : IeDefects.SecondCheckDigit))
                problems.Add(Error(RegistryCodes.CheckDigit,
                    $"IE de {uf}: o {(checks.Length == 1 ? "" : $"{i + 1}º ")}dígito verificador não confere ({checks[i].Describe()})."));
        return problems;
    }

    private static Problem Error(string code, string message) => new(Field, code, message);

    private static Uf Checked(Uf uf) =>
        Enum.IsDefined(uf) ? uf : throw new ArgumentOutOfRangeException(nameof(uf), uf, "Unknown UF.");

    /// <summary>
    /// The usual written form: the state's mask for a registered number (see the table in the remarks),
    /// <c>ISENTO</c> for the exempt, and an empty string for a non-taxpayer (the IE field is left blank).
    /// </summary>
    public override string ToString() => Kind switch
    {
        InscricaoEstadualKind.Registered => Masked(),
        InscricaoEstadualKind.ExemptFromRegistration => "ISENTO",
        _ => "",
    };

    private string Masked()
    {
        var value = Value!;
        var mask = Array.Find(IeLayouts.For(Uf), l => l.RuralProducer == IsRuralProducer && l.Length == value.Length - (IsRuralProducer ? 1 : 0))!.Mask;
        return string.Create(mask.Length, (mask, value), static (span, state) =>
        {
            var next = state.value.AsSpan().TrimStart('P');
            for (var i = 0; i < span.Length; i++)
            {
                var isDigit = state.mask[i] == '#';
                span[i] = isDigit ? next[0] : state.mask[i];
                if (isDigit)
                    next = next[1..];
            }
        });
    }

    /// <inheritdoc />
    public bool Equals(InscricaoEstadual? other) =>
        other is not null && Kind == other.Kind && Uf == other.Uf && Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InscricaoEstadual);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Uf, Value);

    /// <summary>Value equality.</summary>
    public static bool operator ==(InscricaoEstadual? left, InscricaoEstadual? right) => Equals(left, right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(InscricaoEstadual? left, InscricaoEstadual? right) => !Equals(left, right);
}

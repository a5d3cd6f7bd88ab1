using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>Direction and scope of a fiscal operation, from the first digit of its <see cref="Cfop"/>.</summary>
public enum CfopScope
{
    /// <summary>1: entry from the same state.</summary>
    EntryInState = 1,
    /// <summary>2: entry from another state.</summary>
    EntryInterstate = 2,
    /// <summary>3: entry from abroad.</summary>
    EntryFromAbroad = 3,
    /// <summary>5: exit within the state.</summary>
    ExitInState = 5,
    /// <summary>6: exit to another state.</summary>
    ExitInterstate = 6,
    /// <summary>7: exit abroad.</summary>
    ExitAbroad = 7,
}

/// <summary>
/// CFOP (Código Fiscal de Operações e Prestações, Convênio SINIEF s/nº of 1970 as revised by Ajuste
/// SINIEF 07/2001): 4 digits written <c>N.NNN</c>; the first digit (1, 2, 3, 5, 6 or 7) gives the
/// direction and scope.
/// </summary>
public readonly record struct Cfop
{
    private Cfop(string value) => Value = value;

    /// <summary>The 4 digits, unmasked.</summary>
    public string Value { get; }

    /// <summary>Direction and scope, from the first digit.</summary>
    public CfopScope Scope => (CfopScope)(Value[0] - '0');

    /// <summary>True for exits (saídas): first digit 5, 6 or 7.</summary>
    public bool IsExit => Value[0] >= '5';

    /// <summary>Parses a CFOP with or without its mask; the first digit must be 1, 2, 3, 5, 6 or 7.</summary>
    public static Outcome<Cfop> Parse(string? value)
    {
        var parsed = FixedDigits.Parse(value, 4, "cfop", "CFOP", v => new Cfop(v));
        if (parsed.TryPickT0(out var cfop, out _) && !Enum.IsDefined((CfopScope)(cfop.Value[0] - '0')))
            return new Invalid(new Problem("cfop", RegistryCodes.Range,
                $"CFOP {cfop} começa com {cfop.Value[0]}; o primeiro dígito deve ser 1, 2, 3, 5, 6 ou 7."));
        return parsed;
    }

    /// <summary>True when <paramref name="value"/> is a CFOP.</summary>
    public static bool IsValid(string? value) => Parse(value).IsValid;

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Cfop result) =>
        Parse(value).TryPickT0(out result, out _);

    /// <summary>The masked form, <c>N.NNN</c>.</summary>
    public override string ToString() => Value is null ? "" : $"{Value[0]}.{Value[1..]}";
}

using Crm.Domain.Registry;
using Crm.Domain.Problems;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// CNAE 2.3 subclass (Classificação Nacional de Atividades Econômicas, IBGE/CONCLA): 7 digits written <c>NNNN-N/NN</c>,
/// the main economic activity of an organization. It has no check digit: the shape is checked, not its existence.
/// </summary>
public readonly record struct Cnae
{
    private Cnae(string value) => Value = value;

    /// <summary>The 7 digits, unmasked.</summary>
    public string Value { get; }

    /// <summary>Parses a CNAE subclass with or without its mask.</summary>
    public static Outcome<Cnae> Parse(string? value) => FixedDigits.Parse(value, 7, "cnae", "CNAE", v => new Cnae(v));

    /// <summary>The masked form, <c>NNNN-N/NN</c>.</summary>
    public override string ToString() => Value is null ? "" : $"{Value[..4]}-{Value[4]}/{Value[5..]}";
}

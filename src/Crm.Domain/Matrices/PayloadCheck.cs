using Crm.Domain.Problems;

namespace Crm.Domain.Matrices;

/// <summary>The checks the payloads share, each yielding at most one problem.</summary>
internal static class PayloadCheck
{
    /// <summary>A percentage from 0 to <paramref name="max"/> (inclusive), with at most 4 decimal places as NF-e carries (TDec_0302a04).</summary>
    public static IEnumerable<Problem> Percent(string field, string name, decimal value, decimal max = 100m) =>
        value < 0 || value > max
            ? [new($"{field}.{name}", MatrixCodes.PayloadRange, $"{name} = {value} deve estar entre 0 e {max} %.")]
            : value.Scale > 4 && decimal.Round(value, 4) != value
                ? [new($"{field}.{name}", MatrixCodes.PayloadPrecision, $"{name} = {value} % tem mais de 4 casas decimais (a NF-e leva até 4).")]
                : [];

    /// <summary>A non-negative amount.</summary>
    public static IEnumerable<Problem> NonNegative(string field, string name, decimal? value) =>
        value < 0 ? [new($"{field}.{name}", MatrixCodes.PayloadRange, $"{name} = {value} não pode ser negativo.")] : [];

    /// <summary>A code from a closed table.</summary>
    public static IEnumerable<Problem> OneOf(string field, string name, string? value, IReadOnlySet<string> allowed) =>
        value is not null && allowed.Contains(value)
            ? []
            : [new($"{field}.{name}", MatrixCodes.PayloadCode, $"{name} '{value}' não é um código válido ({string.Join(", ", allowed.Order())}).")];

    /// <summary>A code of exactly <paramref name="length"/> digits.</summary>
    public static IEnumerable<Problem> Digits(string field, string name, string? value, int length) =>
        value is { Length: var l } && l == length && value.All(char.IsAsciiDigit)
            ? []
            : [new($"{field}.{name}", MatrixCodes.PayloadCode, $"{name} '{value}' deve ter {length} dígitos.")];

    /// <summary>A strictly positive amount, when present.</summary>
    public static IEnumerable<Problem> Positive(string field, string name, decimal? value) =>
        That(value is null or > 0, field, name, MatrixCodes.PayloadRange, $"{name} = {value} deve ser positivo.");

    /// <summary>Any other rule between payload values: a problem with <paramref name="code"/> unless it <paramref name="holds"/>.</summary>
    public static IEnumerable<Problem> That(bool holds, string field, string name, string code, string message) =>
        holds ? [] : [new($"{field}.{name}", code, message)];

    /// <summary>A value the payload's other choices require.</summary>
    public static IEnumerable<Problem> Required(string field, string name, bool present, string why) =>
        That(present, field, name, MatrixCodes.PayloadMissing, $"{name} é obrigatório: {why}.");
}

using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>
/// What an inspection of a document found wrong, as flags, so that the allocation-free <c>IsValid</c> and
/// the reporting <c>Parse</c> share one inspection: <c>IsValid</c> tests for <see cref="None"/>, <c>Parse</c>
/// turns each flag into a <see cref="Problem"/>.
/// </summary>
[Flags]
internal enum Defects
{
    None = 0,
    Empty = 1,
    Length = 2,
    Characters = 4,
    Format = 8,
    Range = 16,
    RepeatedDigits = 32,
    CheckDigit = 64,
}

/// <summary>Turns <see cref="Defects"/> into the problems of a failed parse.</summary>
internal static class DefectsExtensions
{
    private static readonly Defects[] Each = Enum.GetValues<Defects>()[1..];

    /// <summary>One problem per flag set in <paramref name="defects"/>, in the order of the flags.</summary>
    public static Invalid ToInvalid(this Defects defects, Func<Defects, Problem> describe) =>
        new(Each.Where(flag => defects.HasFlag(flag)).Select(describe).ToList());

    /// <summary>The <see cref="RegistryCodes"/> code of a single flag.</summary>
    public static string Code(this Defects defect) => defect switch
    {
        Defects.Empty => RegistryCodes.Empty,
        Defects.Length => RegistryCodes.Length,
        Defects.Characters => RegistryCodes.Characters,
        Defects.Format => RegistryCodes.Format,
        Defects.Range => RegistryCodes.Range,
        Defects.RepeatedDigits => RegistryCodes.RepeatedDigits,
        Defects.CheckDigit => RegistryCodes.CheckDigit,
        _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, "Expected a single defect."),
    };
}

using Crm.Domain.Problems;
using OneOf;

namespace Crm.Domain.Boards;

/// <summary>A colour as the board UI stores it: <c>#RRGGBB</c>, upper-case.</summary>
public readonly record struct Colour
{
    /// <summary>Problem code: not a <c>#RRGGBB</c> colour.</summary>
    public const string FormatCode = "board.colour.format";

    private Colour(string hex) => Hex = hex;

    /// <summary>The colour as <c>#RRGGBB</c>.</summary>
    public string Hex { get; }

    /// <summary>Parses <c>#RRGGBB</c> or <c>RRGGBB</c> (any case), or the problem.</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The field reported in the problem.</param>
    public static OneOf<Colour, Invalid> Parse(string? text, string field = "colour")
    {
        var hex = text?.Trim().TrimStart('#');
        return hex is { Length: 6 } && hex.All(char.IsAsciiHexDigit)
            ? new Colour("#" + hex.ToUpperInvariant())
            : new Invalid(new Problem(field, FormatCode, $"Cor '{text}' inválida; use #RRGGBB."));
    }

    /// <summary>The colour; for known-good constants.</summary>
    /// <param name="text">The text.</param>
    public static Colour Of(string text) =>
        Parse(text).Match(c => c, invalid => throw new ArgumentException(invalid.ToString(), nameof(text)));

    /// <inheritdoc />
    public override string ToString() => Hex ?? "";
}

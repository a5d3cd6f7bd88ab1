using System.Globalization;

namespace Crm.Cli;

/// <summary>How the CLI writes amounts for its Brazilian users (pt-BR numbers); statuses and channels are the engine's <see cref="Crm.Sdk.PortugueseLabels"/>.</summary>
internal static class PortugueseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>An amount as 10.000,00; a dash for none.</summary>
    public static string Amount(decimal? value) => value is { } v ? v.ToString("N2", Culture) : "—";
}

using Crm.Domain.Registry;

namespace Crm.Cli.Validation;

/// <summary>The Inscrição Estadual path of <c>crm validate</c>: an IE only means something with the UF that issued it.</summary>
public static class InscricaoEstadualCheck
{
    /// <summary>
    /// Checks an IE (or <c>ISENTO</c>) of <paramref name="uf"/>. Warnings, such as a prefix that only some
    /// implementations accept, leave it valid and are shown after the details with their code and message.
    /// </summary>
    public static CheckResult Check(string value, Uf uf) =>
        DocumentCheck.From(DocumentKind.Ie, InscricaoEstadual.Parse(value, uf), value, ie => string.Join("; ",
            ie.Warnings.Select(w => $"warning {w.Code}: {w.Message}").Prepend(Describe(ie))));

    private static string Describe(InscricaoEstadual ie) => ie.Kind switch
    {
        InscricaoEstadualKind.ExemptFromRegistration => $"{ie.Uf}, exempt from registration",
        _ when ie.IsRuralProducer => $"{ie.Uf}, rural producer",
        _ => ie.Uf.ToString(),
    };
}

using Crm.Domain.Problems;
using Crm.Domain.Registry;

namespace Crm.Cli.Validation;

/// <summary>The outcome of checking one document: valid or not, how to show it, and every problem.</summary>
/// <param name="Kind">What was checked.</param>
/// <param name="Display">The masked value when valid; the input as given otherwise.</param>
/// <param name="Details">Facts the document carries (fiscal region, state, kind of phone…); empty when invalid.</param>
/// <param name="Problems">Every problem; empty when valid.</param>
public sealed record CheckResult(DocumentKind Kind, string Display, string Details, IReadOnlyList<Problem> Problems)
{
    /// <summary>True when there is no problem.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Checks one document with the domain's value objects.</summary>
public static class DocumentCheck
{
    /// <summary>Checks <paramref name="value"/> as a <paramref name="kind"/>; <paramref name="uf"/> is required for <see cref="DocumentKind.Ie"/>.</summary>
    public static CheckResult Check(DocumentKind kind, string value, Uf? uf) => kind switch
    {
        DocumentKind.Cpf => From(kind, Cpf.Parse(value), value,
            cpf => $"fiscal region {cpf.FiscalRegion}: {string.Join(", ", cpf.FiscalRegionUfs)}"),
        DocumentKind.Cnpj => From(kind, Cnpj.Parse(value), value,
            cnpj => (cnpj.IsHeadOffice ? "head office" : $"branch {cnpj.Order}") + (cnpj.IsAlphanumeric ? ", alphanumeric" : "")),
        DocumentKind.Ie => InscricaoEstadualCheck.Check(value,
            uf ?? throw new ArgumentException("An Inscrição Estadual needs a UF.", nameof(uf))),
        DocumentKind.Cep => From(kind, Cep.Parse(value), value, cep => cep.Uf?.ToString() ?? "no state's range"),
        DocumentKind.Phone => From(kind, Phone.Parse(value), value,
            phone => $"{phone.Kind.ToString().ToLowerInvariant()}, {phone.Value}"),
        DocumentKind.Email => From(kind, Email.Parse(value), value, email => email.Normalized),
        DocumentKind.Municipio => From(kind, CodigoMunicipio.Parse(value), value,
            code => code.IsExterior ? "exterior" : code.Uf.ToString()!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The check result of a parse: the masked value and its details, or the input and every problem.</summary>
    public static CheckResult From<T>(DocumentKind kind, Outcome<T> parsed, string input, Func<T, string> details) =>
        parsed.Match(
            document => new CheckResult(kind, document!.ToString() ?? input, details(document), []),
            invalid => new CheckResult(kind, input, "", invalid.Problems));
}

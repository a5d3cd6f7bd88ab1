using Crm.Domain.Registry;

namespace Crm.Cli.Validation;

/// <summary>The documents <c>crm validate</c> knows, by the name used on the command line and in the CSV <c>kind</c> column.</summary>
public enum DocumentKind
{
    /// <summary><c>cpf</c>.</summary>
    Cpf,
    /// <summary><c>cnpj</c>, numeric or alphanumeric.</summary>
    Cnpj,
    /// <summary><c>ie</c>: Inscrição Estadual, needs a UF.</summary>
    Ie,
    /// <summary><c>cep</c>.</summary>
    Cep,
    /// <summary><c>phone</c>.</summary>
    Phone,
    /// <summary><c>email</c>.</summary>
    Email,
    /// <summary><c>municipio</c>: IBGE municipality code.</summary>
    Municipio,
}

/// <summary>Command-line names of <see cref="DocumentKind"/> and <see cref="Uf"/>.</summary>
public static class DocumentNames
{
    /// <summary>The lower-case name of a kind, as typed.</summary>
    public static string Name(this DocumentKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind called <paramref name="name"/> (any case); false for unknown names.</summary>
    public static bool TryParseKind(string? name, out DocumentKind kind)
    {
        kind = default;
        return name is not null && name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase: true, out kind);
    }

    /// <summary>The UF abbreviated <paramref name="text"/> (any case); false for anything else, numbers included.</summary>
    public static bool TryParseUf(string? text, out Uf uf)
    {
        uf = default;
        return text is { Length: 2 } && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out uf);
    }

    /// <summary>Every kind name, for messages.</summary>
    public static string KindList => string.Join(", ", Enum.GetValues<DocumentKind>().Select(Name));
}

using System.Buffers;
using Crm.Domain.Problems;
using Crm.Domain.Texts;

namespace Crm.Domain.Registry;

/// <summary>
/// An e-mail address, validated pragmatically rather than by the full RFC 5322 grammar (which admits
/// quoted local parts, comments and IP-literal domains that no CRM user types): <c>local@domain</c>, at
/// most 254 characters, a local part of at most 64 printable ASCII characters without spaces, quotes or brackets and
/// without leading, trailing or doubled dots, and a domain of dot-separated labels (letters, digits,
/// hyphens not at either end; internationalised domains in their punycode form) with at least one dot. Surrounding white space is trimmed. The domain is
/// stored lower-case; the local part keeps its case (RFC 5321 lets servers distinguish it), and
/// <see cref="Normalized"/> is fully lower-case for duplicate detection.
/// <para>
/// <c>System.Net.Mail.MailAddress</c> is not used: it allocates on every call, accepts display names such as
/// <c>Ana &lt;ana@x.com&gt;</c> and domains without a dot, so it answers a different question.
/// </para>
/// </summary>
public readonly record struct Email
{
    private const int MaxLength = TextLimits.Email;
    private const int MaxLocalLength = 64;

    // RFC 5322 specials, which the local part of an ordinary address never holds (white space and
    // non-ASCII are refused too: few mail servers accept SMTPUTF8 addresses).
    private static readonly SearchValues<char> ForbiddenInLocal = SearchValues.Create("\"(),:;<>[\\]");

    // Internationalised domains are accepted in their ASCII (punycode, xn--) form.
    private static readonly SearchValues<char> DomainCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");

    private Email(string value) => Value = value;

    /// <summary>The address, trimmed, with the domain lower-cased.</summary>
    public string Value { get; }

    /// <summary>The part before the <c>@</c>.</summary>
    public string LocalPart => Value[..Value.LastIndexOf('@')];

    /// <summary>The domain, lower-case.</summary>
    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    /// <summary>The address fully lower-cased: two addresses with the same <see cref="Normalized"/> are duplicates in practice.</summary>
    public string Normalized => Value.ToLowerInvariant();

    /// <summary>Parses an e-mail address, reporting every problem found.</summary>
    public static Outcome<Email> Parse(string? value)
    {
        var defects = Inspect(value, out var address, out var at);
        return defects == Defects.None
            ? new Email(string.Concat(address[..at], address[at..].ToString().ToLowerInvariant()))
            : defects.ToInvalid(Describe);
    }

    /// <summary>True when <paramref name="value"/> is a plausible e-mail address. Does not allocate.</summary>
    public static bool IsValid(string? value) => Inspect(value, out _, out _) == Defects.None;

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Email result) =>
        Parse(value).TryPickT0(out result, out _);

    /// <summary>The address.</summary>
    public override string ToString() => Value ?? "";

    private static Defects Inspect(ReadOnlySpan<char> value, out ReadOnlySpan<char> address, out int at)
    {
        address = value.Trim();
        at = address.IndexOf('@');
        if (address.IsEmpty)
            return Defects.Empty;
        var defects = address.Length > MaxLength ? Defects.Length : Defects.None;
        if (at < 0 || address[(at + 1)..].Contains('@'))
            return defects | Defects.Format;
        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length > MaxLocalLength)
            defects |= Defects.Length;
        if (local.ContainsAny(ForbiddenInLocal) || local.ContainsAnyExceptInRange('!', '~') || domain.ContainsAnyExcept(DomainCharacters))
            defects |= Defects.Characters;
        if (local.IsEmpty || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal) || !IsDotted(domain))
            defects |= Defects.Format;
        return defects;
    }

    // At least two labels, none empty, none starting or ending with a hyphen.
    private static bool IsDotted(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
                return false;
            labels++;
        }
        return labels >= 2;
    }

    private static Problem Describe(Defects defect) => new("email", defect.Code(), defect switch
    {
        Defects.Empty => "E-mail não informado.",
        Defects.Length => "E-mail deve ter no máximo 254 caracteres, e a parte antes do @ no máximo 64.",
        Defects.Characters => "E-mail contém espaços, acentos ou caracteres não permitidos.",
        _ => "E-mail deve ter o formato nome@dominio.com.br (um único @, domínio com ponto, sem pontos nas pontas nem duplicados).",
    });
}

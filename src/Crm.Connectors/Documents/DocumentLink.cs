using Crm.Domain.Problems;

namespace Crm.Connectors.Documents;

/// <summary>
/// A document kept outside the CRM, as a link the user types (seed 001: the Documents module takes a file on the
/// server or an external link). Only absolute http and https addresses: other schemes (file:, javascript:) would run
/// or open something on the reader's machine.
/// </summary>
public static class DocumentLink
{
    /// <summary>The longest link accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>The link, or the problem with it.</summary>
    public static Outcome<Uri> Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return new Invalid(new Problem("link", "document.link.required", "Informe o endereço do documento."));
        if (trimmed.Length > MaxLength)
            return new Invalid(new Problem("link", "document.link.too_long", $"O endereço tem no máximo {MaxLength} caracteres."));
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : new Invalid(new Problem("link", "document.link.invalid", "Informe um endereço http:// ou https:// completo."));
    }
}

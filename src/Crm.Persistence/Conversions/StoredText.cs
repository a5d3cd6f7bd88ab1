using System.Text.Encodings.Web;

namespace Crm.Persistence.Conversions;

/// <summary>How the JSON documents of this package escape text.</summary>
internal static class StoredText
{
    /// <summary>
    /// Only what JSON itself requires (quotes, backslashes, control characters): the documents go to a database column,
    /// never into HTML, so "São Paulo" is stored as such rather than as <c>S\u00E3o Paulo</c> — shorter and cheaper to write.
    /// </summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}

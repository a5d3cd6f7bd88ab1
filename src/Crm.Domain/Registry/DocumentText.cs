namespace Crm.Domain.Registry;

/// <summary>Mask handling shared by the registry documents, without allocating.</summary>
internal static class DocumentText
{
    /// <summary>
    /// Copies <paramref name="input"/> into <paramref name="destination"/> without the mask characters
    /// (<c>. - / ( )</c> and white space), upper-casing ASCII letters. Returns false when the result does
    /// not fit (the caller reports a length problem).
    /// </summary>
    public static bool TryUnmask(ReadOnlySpan<char> input, Span<char> destination, out int length)
    {
        length = 0;
        foreach (var c in input)
        {
            if (IsMask(c))
                continue;
            if (length == destination.Length)
                return false;
            destination[length++] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }
        return true;
    }

    /// <summary>True for the characters that masks and people put between digits.</summary>
    public static bool IsMask(char c) => c is '.' or '-' or '/' or '(' or ')' or ' ' or '\t';

    /// <summary>
    /// The common step of CPF, CNPJ and most IEs ("rotina E"): r = sum mod 11; 0 when r &lt; 2, else 11 − r.
    /// </summary>
    public static int Mod11(int sum)
    {
        var r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }
}

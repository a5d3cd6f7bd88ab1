namespace Crm.Domain.Registry;

/// <summary>The stable problem codes used by every registry document.</summary>
public static class RegistryCodes
{
    /// <summary>Nothing was given.</summary>
    public const string Empty = "registry.empty";

    /// <summary>The number of characters (after removing the mask) is wrong.</summary>
    public const string Length = "registry.length";

    /// <summary>A character that the document cannot contain.</summary>
    public const string Characters = "registry.characters";

    /// <summary>A check digit does not match.</summary>
    public const string CheckDigit = "registry.check_digit";

    /// <summary>A number made of one repeated digit (for example 111.111.111-11), rejected by the Receita Federal.</summary>
    public const string RepeatedDigits = "registry.repeated_digits";

    /// <summary>A number outside the ranges the issuer uses (for example an unknown DDD or UF code).</summary>
    public const string Range = "registry.range";

    /// <summary>A prefix that the state's guide does not list; a warning where implementations disagree.</summary>
    public const string Prefix = "registry.prefix";

    /// <summary>The overall shape is wrong (for example an e-mail without a domain).</summary>
    public const string Format = "registry.format";
}

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// A short name's uniqueness key (case ignored) packed into 128 bits with <see cref="PackedText"/>: its first nine characters
/// in <see cref="Low"/>, the next nine in <see cref="High"/>. Two short names of up to 18 ASCII characters have the same key
/// exactly when they name the same ERP key (<see cref="ShortName.SameKeyAs"/>); a longer or non-ASCII name is
/// <see cref="IsPacked">not packed</see> and is compared as text.
/// </summary>
internal readonly record struct ShortNameKey
{
    private ShortNameKey(ulong low, ulong high) => (Low, High) = (low, high);

    /// <summary>The first nine characters, upper-cased and packed; <see cref="PackedText.Unpackable"/> when the name does not pack.</summary>
    public ulong Low { get; }

    /// <summary>The next nine.</summary>
    public ulong High { get; }

    /// <summary>The key of <paramref name="name"/>; <c>default</c> for no name.</summary>
    public static ShortNameKey Of(ShortName? name)
    {
        if (name is not { } n)
            return default;
        var text = n.Value.AsSpan();
        if (text.Length > 2 * PackedText.MaxLength)
            return new(PackedText.Unpackable, 0);
        var low = PackedText.Pack(text[..Math.Min(text.Length, PackedText.MaxLength)], ignoreCase: true);
        var high = PackedText.Pack(text[Math.Min(text.Length, PackedText.MaxLength)..], ignoreCase: true);
        return low == PackedText.Unpackable || high == PackedText.Unpackable ? new(PackedText.Unpackable, 0) : new(low, high);
    }

    /// <summary>True when the name is packed and may be compared by key.</summary>
    public bool IsPacked => PackedText.IsPacked(Low);
}

using System.Runtime.CompilerServices;

namespace Crm.Domain.Matrices;

/// <summary>
/// The value of one bound dimension as the index compares it: an ERP code (ordinally), or a number (UF or origin
/// ordinal, CEST digits, NCM prefix digits). Exactly one of the two is set, as the dimension says.
/// </summary>
internal readonly record struct KeyValue(string? Code, int Number)
{
    public bool Matches(KeyValue other) => Number == other.Number && string.Equals(Code, other.Code, StringComparison.Ordinal);
}

/// <summary>
/// A rule key or a lookup context as the index sees it: per dimension, the value and its hash, computed once so that
/// every shape probed combines them (a sum over the shape's dimensions) instead of hashing the whole key again.
/// The NCM is kept as 8 digits and cut to each shape's prefix length (the rest zeroed) when that shape is probed.
/// </summary>
internal struct IndexKey
{
    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    private Row<KeyValue> _values;
    private Row<ulong> _hashes;
    private int _ncmDigits;

    /// <summary>The dimensions with a value (<see cref="DimensionSet.Bit"/>).</summary>
    public int Bits { get; private set; }

    /// <summary>
    /// The values of <paramref name="dimensions"/> in <paramref name="coordinates"/>. <paramref name="ncmDigits"/> is the
    /// context's 8-digit NCM, or a rule's NCM prefix padded with zeros to 8 digits (<see cref="PadNcmPrefix"/>); negative
    /// when absent.
    /// </summary>
    public static IndexKey Of(MatrixCoordinates coordinates, ReadOnlySpan<Dimension> dimensions, int ncmDigits)
    {
        var key = new IndexKey { _ncmDigits = ncmDigits };
        foreach (var dimension in dimensions)
        {
            if (dimension == Dimension.Ncm)
            {
                if (ncmDigits >= 0)
                    key.Bits |= DimensionSet.Bit(dimension);
            }
            else if (coordinates.ValueOf(dimension) is { } value)
                key.Set(dimension, value);
        }
        return key;
    }

    /// <summary>An NCM prefix of <paramref name="length"/> digits as the 8-digit NCM it starts, padded with zeros.</summary>
    public static int PadNcmPrefix(int digits, int length) => digits * PowersOfTen[8 - length];

    /// <summary>Sets the NCM value to its first <paramref name="length"/> digits (padded with zeros), the prefix a shape's rules bind.</summary>
    public void CutNcm(int length) => Set(Dimension.Ncm, new KeyValue(null, _ncmDigits - _ncmDigits % PowersOfTen[8 - length]));

    /// <summary>The hash of the key projected on <paramref name="dimensions"/>, which must all have a value.</summary>
    public readonly ulong HashOf(ReadOnlySpan<Dimension> dimensions)
    {
        var hash = 0UL;
        foreach (var dimension in dimensions)
            hash += _hashes[(int)dimension];
        return hash;
    }

    /// <summary>
    /// True when the key's values on <paramref name="dimensions"/> are those of <paramref name="rule"/>, whose NCM prefix
    /// is <paramref name="ncmPrefix"/> (padded to 8 digits).
    /// </summary>
    public readonly bool Matches(ReadOnlySpan<Dimension> dimensions, MatrixKey rule, int ncmPrefix)
    {
        foreach (var dimension in dimensions)
        {
            var value = dimension == Dimension.Ncm ? new KeyValue(null, ncmPrefix) : rule.ValueOf(dimension).GetValueOrDefault();
            if (!_values[(int)dimension].Matches(value))
                return false;
        }
        return true;
    }

    private void Set(Dimension dimension, KeyValue value)
    {
        Bits |= DimensionSet.Bit(dimension);
        _values[(int)dimension] = value;
        _hashes[(int)dimension] = Mix(((ulong)(uint)(value.Code?.GetHashCode() ?? value.Number) << 32) | (uint)dimension);
    }

    /// <summary>
    /// MurmurHash3's 64-bit finalizer: a bijection, so distinct (dimension, value hash) pairs never collide, and every
    /// bit of the sum of several is well mixed. String hashes are randomized per process, so collisions cannot be planted.
    /// </summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 33)) * 0xFF51AFD7ED558CCDUL;
        x = (x ^ (x >> 33)) * 0xC4CEB9FE1A85EC53UL;
        return x ^ (x >> 33);
    }

    /// <summary>One slot per dimension, inline so that a lookup allocates nothing.</summary>
    [InlineArray(DimensionSet.Count)]
    private struct Row<T>
    {
        private T _first;
    }
}

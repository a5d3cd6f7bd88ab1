using System.Runtime.CompilerServices;

namespace Crm.Domain.Matrices;

/// <summary>
/// The value of one bound dimension as the index compares it: an ERP code (ordinally), or a number (UF or origin
/// ordinal). Exactly one of the two is set, as the dimension says.
/// </summary>
internal readonly record struct KeyValue(string? Code, int Number)
{
    public bool Matches(in KeyValue other) => Number == other.Number && string.Equals(Code, other.Code, StringComparison.Ordinal);
}

/// <summary>
/// A rule key or a lookup context as the index sees it: the hash of each dimension's value, computed once, so that every
/// shape probed combines them (a sum over the shape's dimensions) instead of hashing values again. A context keeps its
/// key up to date as its properties are set (<see cref="MatrixContext"/>), so a line is hashed once for every matrix it
/// is looked up in. The NCM is kept as 8 digits and cut to each shape's prefix length (the rest zeroed) when that shape
/// is probed.
/// </summary>
internal struct IndexKey
{
    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    private Row _hashes;
    private int _ncmDigits;

    /// <summary>The dimensions with a value (<see cref="DimensionSet.Bit"/>).</summary>
    public int Bits { get; private set; }

    /// <summary>
    /// The key of a rule: the values of its coordinates and <paramref name="ncmPrefix"/>, its NCM prefix padded with
    /// zeros to 8 digits (<see cref="PadNcmPrefix"/>); negative when it binds none.
    /// </summary>
    public static IndexKey Of(MatrixCoordinates coordinates, int ncmPrefix)
    {
        var key = new IndexKey();
        foreach (var dimension in DimensionSet.InOrder)
            if (dimension != Dimension.Ncm)
                key.Set(dimension, coordinates.ValueOf(dimension));
        key.SetNcm(ncmPrefix);
        return key;
    }

    /// <summary>An NCM prefix of <paramref name="length"/> digits as the 8-digit NCM it starts, padded with zeros.</summary>
    public static int PadNcmPrefix(int digits, int length) => digits * PowersOfTen[8 - length];

    /// <summary>Sets (or, for null, clears) the value of a dimension other than the NCM.</summary>
    public void Set(Dimension dimension, KeyValue? value)
    {
        var bit = DimensionSet.Bit(dimension);
        if (value is not { } v)
        {
            Bits &= ~bit;
            _hashes[(int)dimension] = 0;
            return;
        }
        Bits |= bit;
        _hashes[(int)dimension] = Hash(dimension, v.Code?.GetHashCode() ?? v.Number);
    }

    /// <summary>Sets the NCM as 8 digits (a rule's prefix padded with zeros); negative clears it.</summary>
    public void SetNcm(int digits)
    {
        var bit = DimensionSet.Bit(Dimension.Ncm);
        Bits = digits < 0 ? Bits & ~bit : Bits | bit;
        _ncmDigits = Math.Max(digits, 0);
    }

    /// <summary>The NCM cut to its first <paramref name="length"/> digits (padded with zeros), the prefix a shape's rules bind.</summary>
    public readonly int NcmPrefix(int length) => _ncmDigits - _ncmDigits % PowersOfTen[8 - length];

    /// <summary>
    /// The hash of the key projected on <paramref name="dimensions"/> (none of them the NCM; all with a value) and, when
    /// <paramref name="ncmPrefix"/> is not negative, on that NCM prefix.
    /// </summary>
    public readonly ulong HashOf(ReadOnlySpan<Dimension> dimensions, int ncmPrefix)
    {
        var hash = ncmPrefix < 0 ? 0UL : Hash(Dimension.Ncm, ncmPrefix);
        foreach (var dimension in dimensions)
            hash += _hashes[(int)dimension];
        return hash;
    }

    /// <summary>
    /// MurmurHash3's 64-bit finalizer of (value hash, dimension): a bijection, so distinct pairs never collide, and every
    /// bit of the sum of several is well mixed. String hashes are randomized per process, so collisions cannot be planted.
    /// </summary>
    private static ulong Hash(Dimension dimension, int valueHash)
    {
        var x = ((ulong)(uint)valueHash << 32) | (uint)dimension;
        x = (x ^ (x >> 33)) * 0xFF51AFD7ED558CCDUL;
        x = (x ^ (x >> 33)) * 0xC4CEB9FE1A85EC53UL;
        return x ^ (x >> 33);
    }

    /// <summary>One hash per dimension, inline so that a key allocates nothing.</summary>
    [InlineArray(DimensionSet.Count)]
    private struct Row
    {
        private ulong _first;
    }
}

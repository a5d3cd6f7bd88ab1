using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Crm.Domain.Matrices;

/// <summary>
/// The bound values of a rule key (or of a context projected onto a rule shape), one number per dimension:
/// interned code id, UF / origin ordinal, CEST digits, or NCM prefix digits. Unbound slots are zero. A value
/// type so that a lookup can build and hash it without allocating.
/// </summary>
[InlineArray(DimensionSet.Count)]
internal struct KeyValues : IEquatable<KeyValues>
{
    private int _first;

    private ReadOnlySpan<int> Span => MemoryMarshal.CreateReadOnlySpan(ref _first, DimensionSet.Count);

    public bool Equals(KeyValues other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is KeyValues other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(Span));
        return hash.ToHashCode();
    }
}

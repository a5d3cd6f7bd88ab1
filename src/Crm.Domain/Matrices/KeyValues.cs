using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Crm.Domain.Matrices;

/// <summary>
/// The bound values of a rule key (or of a context projected onto a rule shape), one number per dimension:
/// interned code id, UF / origin ordinal, CEST digits, or NCM prefix digits. Unbound slots are zero. A value
/// type so that a lookup can build and hash it without allocating; 16 slots (one spare) so that it hashes as
/// eight 64-bit words.
/// </summary>
[InlineArray(Slots)]
internal struct KeyValues : IEquatable<KeyValues>
{
    private const int Slots = 16;

    private int _first;

    private ReadOnlySpan<ulong> Words => MemoryMarshal.Cast<int, ulong>(MemoryMarshal.CreateReadOnlySpan(ref _first, Slots));

    public bool Equals(KeyValues other) => Words.SequenceEqual(other.Words);

    public override bool Equals(object? obj) => obj is KeyValues other && Equals(other);

    /// <summary>Multiply-xor over the eight words: cheap, and good enough for a hash map keyed by small interned ids.</summary>
    public override int GetHashCode()
    {
        var hash = 0UL;
        foreach (var word in Words)
            hash = (hash ^ word) * 0x9E3779B97F4A7C15UL;
        return (int)(hash >> 32) ^ (int)hash;
    }
}

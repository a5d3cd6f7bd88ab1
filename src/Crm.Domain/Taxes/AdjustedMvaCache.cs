using System.Runtime.CompilerServices;

namespace Crm.Domain.Taxes;

/// <summary>
/// Adjusted MVAs already computed (<see cref="ItemTaxCalculator.AdjustedMva"/>): its decimal division costs more than the
/// rest of an item's ST, yet it depends only on three rates, and a company has few (MVA per product group × interstate
/// rate × destination rate). A small direct-mapped table keyed by the rates' exact bits (so that 18 and 18.00, whose
/// results may differ in scale, never share an answer); a slot holds an immutable entry, replaced whole, so readers on
/// other threads see a complete entry or none, and the table never grows.
/// </summary>
internal static class AdjustedMvaCache
{
    private const int Slots = 256;

    private static readonly Entry?[] Entries = new Entry?[Slots];

    /// <summary>
    /// The adjusted MVA of these rates, exactly as <see cref="ItemTaxCalculator.AdjustedMva"/> gives it, and its factor
    /// 1 + MVA (<see cref="ItemTaxCalculator.Factor"/>).
    /// </summary>
    public static (decimal Mva, decimal Factor) Of(decimal originalMva, decimal interstateRate, decimal internalRate)
    {
        var key = new Key(Bits(originalMva), Bits(interstateRate), Bits(internalRate));
        ref var slot = ref Entries[(int)(key.Hash() % Slots)];
        if (Volatile.Read(ref slot) is { } entry && entry.Key == key)
            return (entry.Mva, entry.Factor);
        var adjusted = ItemTaxCalculator.AdjustedMva(originalMva, interstateRate, internalRate);
        var factor = ItemTaxCalculator.Factor(adjusted);
        Volatile.Write(ref slot, new Entry(key, adjusted, factor));
        return (adjusted, factor);
    }

    private static UInt128 Bits(decimal value) => Unsafe.BitCast<decimal, UInt128>(value);

    private readonly record struct Key(UInt128 Mva, UInt128 Interstate, UInt128 Internal)
    {
        public uint Hash()
        {
            var folded = Mva ^ (Interstate * 31) ^ (Internal * 961);
            var x = (ulong)folded ^ (ulong)(folded >> 64);
            return (uint)((x * 0x9E3779B97F4A7C15UL) >> 32);
        }
    }

    private sealed record Entry(Key Key, decimal Mva, decimal Factor);
}

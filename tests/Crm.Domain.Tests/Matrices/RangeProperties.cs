using Crm.Domain.Matrices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Matrices.TestRules;

namespace Crm.Domain.Tests.Matrices;

/// <summary>
/// Overlap is what the build rejects, so it must mean exactly "some value lies in both ranges". With integer
/// bounds the intersection of two ranges, if not empty, contains an integer, so a scan over integers decides it.
/// </summary>
public class RangeProperties
{
    private static Gen<int?> Bound => Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 12).Select(v => (int?)v)));

    private static readonly Arbitrary<(Validity, Validity)> Validities =
        (from a in Bound from b in Bound from c in Bound from d in Bound
         select (new Validity(a is { } x ? Day0.PlusDays(x) : null, b is { } y ? Day0.PlusDays(y) : null),
                 new Validity(c is { } z ? Day0.PlusDays(z) : null, d is { } w ? Day0.PlusDays(w) : null)))
        .ToArbitrary();

    private static readonly Arbitrary<(QuantityRange, QuantityRange)> Quantities =
        (from a in Bound from b in Bound from c in Bound from d in Bound
         select (new QuantityRange(a, b), new QuantityRange(c, d))).ToArbitrary();

    [Property]
    public Property Validities_overlap_exactly_when_a_date_is_in_both() => Prop.ForAll(Validities, p =>
    {
        var (a, b) = p;
        var shared = Enumerable.Range(-1, 15).Select(Day0.PlusDays).Any(d => a.Contains(d) && b.Contains(d));
        return (a.IsReversed || b.IsReversed || a.Overlaps(b) == shared) && a.Overlaps(b) == b.Overlaps(a);
    });

    [Property]
    public Property Quantity_ranges_overlap_exactly_when_a_quantity_is_in_both() => Prop.ForAll(Quantities, p =>
    {
        var (a, b) = p;
        var shared = Enumerable.Range(-1, 15).Any(q => a.Contains(q) && b.Contains(q));
        return (a.IsInvalid || b.IsInvalid || a.Overlaps(b) == shared) && a.Overlaps(b) == b.Overlaps(a);
    });
}

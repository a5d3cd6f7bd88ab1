using Crm.Domain.Matrices;
using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Matrices.TestRules;

namespace Crm.Domain.Tests.Matrices;

/// <summary>
/// Properties of the matrix algebra, checked against <see cref="Reference"/>, a linear scan written from the
/// documented rule (bound values equal, NCM by <see cref="Ncm.StartsWith"/>, ranges contain; then the largest
/// (count, precedence, NCM length)).
/// </summary>
public class MatrixProperties
{
    /// <summary>A rule as the generator describes it: value 0/1 per bound exact dimension, an NCM prefix, ranges.</summary>
    public sealed record Spec(int?[] Values, string? NcmPrefix, int? From, int? To, int? MinQty, int? MaxQty)
    {
        public MatrixKey Key()
        {
            var key = new MatrixKey
            {
                NcmPrefix = NcmPrefix,
                Validity = new(From is { } f ? Day0.PlusDays(f) : null, To is { } t ? Day0.PlusDays(t) : null),
                Quantity = new(MinQty, MaxQty),
            };
            for (var i = 0; i < ExactDimensions.Length; i++)
                if (Values[i] is { } v)
                    key = key.Set(ExactDimensions[i], v);
            return key;
        }

        public bool Binds(Dimension d) =>
            d == Dimension.Ncm ? NcmPrefix is not null : Values[Array.IndexOf(ExactDimensions, d)] is not null;

        /// <summary>Written independently of the production comparer: a vector compared lexicographically.</summary>
        public int[] Specificity() =>
            [Enum.GetValues<Dimension>().Count(Binds), .. Enum.GetValues<Dimension>().Select(d => Binds(d) ? 1 : 0), NcmPrefix?.Length ?? 0];

        public bool SameKey(Spec o) => Values.SequenceEqual(o.Values) && NcmPrefix == o.NcmPrefix;

        public bool RangesOverlap(Spec o) =>
            (From ?? int.MinValue) <= (o.To ?? int.MaxValue) && (o.From ?? int.MinValue) <= (To ?? int.MaxValue)
            && (MinQty ?? int.MinValue) < (o.MaxQty ?? int.MaxValue) && (o.MinQty ?? int.MinValue) < (MaxQty ?? int.MaxValue);
    }

    public sealed record Situation(int?[] Values, string? Ncm, int Day, int? Quantity)
    {
        public MatrixContext Context()
        {
            var context = TestRules.Context(Day0.PlusDays(Day)) with { Quantity = Quantity };
            if (Ncm is not null)
                context = context.WithNcm(Ncm);
            for (var i = 0; i < ExactDimensions.Length; i++)
                if (Values[i] is { } v)
                    context = context.Set(ExactDimensions[i], v);
            return context;
        }
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (a[i] != b[i])
                return a[i].CompareTo(b[i]);
        return 0;
    }

    private static bool Matches(Spec rule, Situation s)
    {
        for (var i = 0; i < rule.Values.Length; i++)
            if (rule.Values[i] is { } v && s.Values[i] != v)
                return false;
        if (rule.NcmPrefix is { } prefix && (s.Ncm is null || !Ncm.Parse(s.Ncm).AsT0.StartsWith(prefix)))
            return false;
        if (rule.From > s.Day || rule.To < s.Day)
            return false;
        if (rule.MinQty is not null || rule.MaxQty is not null)
            return s.Quantity is { } q && !(rule.MinQty > q) && !(rule.MaxQty <= q);
        return true;
    }

    /// <summary>The naive answer: index of the most specific matching rule; null when none.</summary>
    private static int? Reference(IReadOnlyList<Spec> rules, Situation s)
    {
        int? best = null;
        for (var i = 0; i < rules.Count; i++)
        {
            if (!Matches(rules[i], s))
                continue;
            var order = best is { } b ? Compare(rules[i].Specificity(), rules[b].Specificity()) : 1;
            Assert.NotEqual(0, order); // a tie would be a configuration error the build failed to report
            if (order > 0)
                best = i;
        }
        return best;
    }

    private static Gen<int?> Maybe(Gen<int> gen, int weightOfNull) =>
        Gen.Frequency((weightOfNull, Gen.Constant<int?>(null)), (1, gen.Select(v => (int?)v)));

    private static readonly Gen<string?> NcmPrefixes = Gen.Frequency(
        (3, Gen.Constant<string?>(null)),
        (1, from ncm in Gen.Elements(Ncms) from length in Gen.Elements(1, 2, 4, 6, 8) select (string?)ncm[..length]));

    private static readonly Gen<Spec> Specs =
        from values in Gen.ArrayOf(Maybe(Gen.Choose(0, 1), 5), ExactDimensions.Length)
        from ncm in NcmPrefixes
        from start in Maybe(Gen.Choose(0, 9), 2)
        from length in Maybe(Gen.Choose(0, 5), 1)
        from min in Maybe(Gen.Elements(0, 5, 10), 2)
        from width in Maybe(Gen.Elements(1, 5, 10), 1)
        select new Spec(values, ncm, start, start + length ?? length, min, min + width ?? width);

    private static readonly Gen<Situation> Situations =
        from values in Gen.ArrayOf(Maybe(Gen.Choose(0, 1), 1), ExactDimensions.Length)
        from ncm in Gen.Frequency((1, Gen.Constant<string?>(null)), (5, Gen.Elements(Ncms).Select(n => (string?)n)))
        from day in Gen.Choose(-1, 15)
        from quantity in Maybe(Gen.Elements(0, 1, 5, 7, 10, 15, 20), 1)
        select new Situation(values, ncm, day, quantity);

    /// <summary>Random rules with conflicting ones dropped (the build rejects those: see the configuration tests).</summary>
    private static readonly Gen<Spec[]> RuleSets = Gen.ListOf(Specs).Select(Consistent);

    private static Spec[] Consistent(IEnumerable<Spec> specs)
    {
        var kept = new List<Spec>();
        foreach (var s in specs)
            if (!kept.Any(k => k.SameKey(s) && k.RangesOverlap(s)))
                kept.Add(s);
        return [.. kept];
    }

    private static MatrixRule<Tag>[] Rules(IEnumerable<Spec> specs) => specs.Select((s, i) => Rule($"r{i}", s.Key(), i)).ToArray();

    private static Matrix<Tag> Build(IEnumerable<Spec> specs) => TestRules.Build(Rules(specs));

    private static readonly Arbitrary<(Spec[] Rules, Situation[] Situations)> Scenarios =
        (from rules in RuleSets from situations in Gen.ArrayOf(Situations, 20) select (rules, situations)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property The_index_agrees_with_a_linear_scan() => Prop.ForAll(Scenarios, scenario =>
    {
        var matrix = Build(scenario.Rules);
        foreach (var s in scenario.Situations)
            Assert.Equal(Reference(scenario.Rules, s) is { } i ? $"r{i}" : null, matrix.Found(s.Context()));
    });

    [Property(MaxTest = 200)]
    public Property Answers_do_not_depend_on_insertion_order() => Prop.ForAll(
        (from scenario in Scenarios.Generator from shuffled in Gen.Shuffle(Rules(scenario.Rules)) select (scenario, shuffled)).ToArbitrary(),
        x =>
        {
            var original = TestRules.Build(Rules(x.scenario.Rules));
            var shuffled = TestRules.Build(x.shuffled);
            foreach (var s in x.scenario.Situations)
                Assert.Equal(original.Found(s.Context()), shuffled.Found(s.Context()));
        });

    /// <summary>A change set: ids to remove, then rules to set (an existing id or a new one; sometimes invalid).</summary>
    private static Gen<(string[] Removed, MatrixRule<Tag>[] Set)> Changes(int ruleCount) =>
        from removed in Gen.SubListOf(Enumerable.Range(0, ruleCount + 1).Select(i => $"r{i}").ToArray())
        from set in Gen.ListOf(
            from id in Gen.Frequency((4, Gen.Choose(0, ruleCount + 2).Select(i => $"r{i}")), (1, Gen.Elements("", "new")))
            from spec in Specs
            from value in Gen.Frequency((9, Gen.Choose(0, 9)), (1, Gen.Constant(-1)))
            select Rule(id, spec.Key(), value))
        select (removed.ToArray(), set.ToArray());

    /// <summary>The documented meaning of <c>With</c>, written independently: drop the removed ids, replace in place, append the rest.</summary>
    private static List<MatrixRule<Tag>> Applied(IEnumerable<MatrixRule<Tag>> rules, string[] removed, MatrixRule<Tag>[] set)
    {
        var list = rules.Where(r => !removed.Contains(r.Id)).ToList();
        var replaceable = list.Select(r => r.Id).ToHashSet();
        foreach (var rule in set)
        {
            var at = replaceable.Remove(rule.Id) ? list.FindIndex(r => r.Id == rule.Id) : -1;
            if (at >= 0)
                list[at] = rule;
            else
                list.Add(rule);
        }
        return list;
    }

    [Property(MaxTest = 300)]
    public Property A_changed_matrix_is_the_build_of_the_changed_rules_and_leaves_the_original_as_it_was() => Prop.ForAll(
        (from scenario in Scenarios.Generator from changes in Changes(scenario.Rules.Length) select (scenario, changes)).ToArbitrary(),
        x =>
        {
            var ((specs, situations), (removed, set)) = x;
            var original = Build(specs);
            var before = situations.Select(s => original.Found(s.Context())).ToArray();

            var changed = original.With(set, removed);

            var unknown = removed.Where(id => original.Rules.All(r => r.Id != id)).ToArray();
            var expected = Matrix<Tag>.Build(Applied(original.Rules, removed, set));
            Assert.Equal(
                [.. unknown.Select(id => $"{MatrixCodes.RuleNotFound} test[{id}]"), .. expected.Problems.Select(p => $"{p.Code} {p.Field}")],
                changed.Problems.Select(p => $"{p.Code} {p.Field}"));
            if (changed.IsValid)
            {
                Assert.Equal(expected.AsT0.Rules, changed.AsT0.Rules);
                foreach (var s in situations)
                    Assert.Equal(expected.AsT0.Found(s.Context()), changed.AsT0.Found(s.Context()));
            }
            Assert.Equal(before, situations.Select(s => original.Found(s.Context())));
        });

    [Property(MaxTest = 100)]
    public Property A_chain_of_changes_answers_as_the_build_of_the_final_rules() => Prop.ForAll(
        (from scenario in Scenarios.Generator
         from steps in Gen.ArrayOf(Changes(scenario.Rules.Length), 5)
         select (scenario, steps)).ToArbitrary(),
        x =>
        {
            var matrix = Build(x.scenario.Rules);
            foreach (var (removed, set) in x.steps)
                if (matrix.With(set, removed) is { IsValid: true } changed)
                    matrix = changed.AsT0;
            var rebuilt = TestRules.Build([.. matrix.Rules]);
            foreach (var s in x.scenario.Situations)
                Assert.Equal(rebuilt.Found(s.Context()), matrix.Found(s.Context()));
        });

    [Property(MaxTest = 300)]
    public Property Adding_a_less_specific_rule_never_changes_an_answer() => Prop.ForAll(
        (from scenario in Scenarios.Generator from extra in Specs select (scenario, extra)).ToArbitrary(),
        x =>
        {
            var (rules, situations) = x.scenario;
            if (rules.Any(r => r.SameKey(x.extra) && r.RangesOverlap(x.extra)))
                return;
            var before = Build(rules);
            var after = Build([.. rules, x.extra]);
            foreach (var s in situations)
                if (Reference(rules, s) is { } i && Compare(x.extra.Specificity(), rules[i].Specificity()) < 0)
                    Assert.Equal(before.Found(s.Context()), after.Found(s.Context()));
        });

    [Property(MaxTest = 300)]
    public Property The_most_specific_matching_rule_wins() => Prop.ForAll(
        (from s in Situations
         from bound in Gen.ArrayOf(Gen.Elements(true, false), ExactDimensions.Length)
         from extra in Gen.Choose(0, ExactDimensions.Length - 1)
         select (s, bound, extra)).ToArbitrary(),
        x =>
        {
            // Only the values the situation knows can be bound; then bind one more dimension the situation knows.
            var general = x.bound.Select((b, i) => b ? x.s.Values[i] : null).ToArray();
            var known = Enumerable.Range(0, general.Length).Where(i => general[i] is null && x.s.Values[i] is not null).ToArray();
            if (known.Length == 0)
                return;
            var specific = (int?[])general.Clone();
            var d = known[x.extra % known.Length];
            specific[d] = x.s.Values[d];
            var day = x.s.Day;
            Spec Make(int?[] values) => new(values, null, day, day, null, null);

            var matrix = TestRules.Build(Rule("general", Make(general).Key()), Rule("specific", Make(specific).Key()));
            Assert.Equal("specific", matrix.Found(x.s.Context()));
        });
}

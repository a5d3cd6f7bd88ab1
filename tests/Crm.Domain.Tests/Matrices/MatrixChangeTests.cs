using Crm.Domain.Matrices;
using static Crm.Domain.Tests.Matrices.TestRules;

namespace Crm.Domain.Tests.Matrices;

/// <summary>Examples of <see cref="Matrix{TPayload}.With"/>; the property that it equals a build is in <see cref="MatrixProperties"/>.</summary>
public class MatrixChangeTests
{
    private static readonly MatrixKey CustomerA = MatrixKey.Any.Set(Dimension.Customer, 0);
    private static readonly MatrixKey CustomerAProductB = CustomerA.Set(Dimension.Product, 1);
    private static readonly MatrixContext Line = Context().Set(Dimension.Customer, 0).Set(Dimension.Product, 1);

    private static Matrix<Tag> Changed(Matrix<Tag> matrix, MatrixRule<Tag>[] set, params string[] removed)
    {
        var changed = matrix.With(set, removed);
        Assert.True(changed.IsValid, string.Join("\n", changed.Problems));
        return changed.AsT0;
    }

    [Fact]
    public void A_replaced_rule_keeps_its_place_and_answers_with_its_new_payload()
    {
        var matrix = Build(Rule("default", MatrixKey.Any, 1), Rule("a", CustomerA, 2), Rule("last", MatrixKey.Any.Set(Dimension.Unit, 0), 3));

        var changed = Changed(matrix, [Rule("a", CustomerA, 20)]);

        Assert.Equal(["default", "a", "last"], changed.Rules.Select(r => r.Id));
        Assert.Equal(20, changed.Find(Line)!.Payload.Value);
    }

    [Fact]
    public void The_original_matrix_still_answers_as_before_a_change()
    {
        var matrix = Build(Rule("default", MatrixKey.Any, 1), Rule("a", CustomerA, 2));

        var changed = Changed(matrix, [Rule("ab", CustomerAProductB, 3)], "a");

        Assert.Equal(["default", "ab"], changed.Rules.Select(r => r.Id));
        Assert.Equal("ab", changed.Found(Line));
        Assert.Equal(["default", "a"], matrix.Rules.Select(r => r.Id));
        Assert.Equal("a", matrix.Found(Line));
    }

    [Fact]
    public void A_rule_moved_to_another_key_no_longer_answers_for_its_old_key()
    {
        var matrix = Build(Rule("default", MatrixKey.Any, 1), Rule("a", CustomerA, 2));

        var changed = Changed(matrix, [Rule("a", MatrixKey.Any.Set(Dimension.Customer, 1), 2)]);

        Assert.Equal("default", changed.Found(Line));
        Assert.Equal("a", changed.Found(Context().Set(Dimension.Customer, 1)));
    }

    [Fact]
    public void Removing_the_last_rule_of_a_key_lets_the_next_most_specific_rule_answer()
    {
        var matrix = Build(Rule("default", MatrixKey.Any, 1), Rule("a", CustomerA, 2), Rule("ab", CustomerAProductB, 3));

        Assert.Equal("a", Changed(matrix, [], "ab").Found(Line));
        Assert.Equal("default", Changed(matrix, [], "ab", "a").Found(Line));
        Assert.Null(Changed(matrix, [], "ab", "a", "default").Found(Line));
    }

    [Fact]
    public void A_new_validity_version_of_a_key_answers_from_its_first_day()
    {
        var until = CustomerA with { Validity = new(to: Day0.PlusDays(9)) };
        var matrix = Build(Rule("v1", until, 1));

        var changed = Changed(matrix, [Rule("v2", CustomerA with { Validity = new(from: Day0.PlusDays(10)) }, 2)]);

        Assert.Equal("v1", changed.Found(Context(Day0.PlusDays(9)).Set(Dimension.Customer, 0)));
        Assert.Equal("v2", changed.Found(Context(Day0.PlusDays(10)).Set(Dimension.Customer, 0)));
    }

    [Fact]
    public void A_change_overlapping_a_kept_rule_is_reported_as_the_build_reports_it()
    {
        var matrix = Build(Rule("default", MatrixKey.Any, 1), Rule("a", CustomerA, 2));

        var changed = matrix.With([Rule("a2", CustomerA, 3), Rule("bad", MatrixKey.Any.Set(Dimension.Product, 0), -1)], []);

        var rebuilt = Matrix<Tag>.Build([.. matrix.Rules, Rule("a2", CustomerA, 3), Rule("bad", MatrixKey.Any.Set(Dimension.Product, 0), -1)]);
        Assert.Equal(rebuilt.Problems, changed.Problems);
        Assert.Equal([MatrixCodes.PayloadRange, MatrixCodes.Overlap], changed.Problems.Select(p => p.Code).Order());
    }

    [Fact]
    public void Removing_a_rule_the_matrix_does_not_hold_is_reported()
    {
        var matrix = Build(Rule("default", MatrixKey.Any, 1));

        var changed = matrix.With([], ["gone"]);

        var problem = Assert.Single(changed.Problems);
        Assert.Equal((MatrixCodes.RuleNotFound, "test[gone]"), (problem.Code, problem.Field));
    }

    [Fact]
    public void Setting_one_id_twice_in_a_change_is_a_duplicate_id()
    {
        var matrix = Build(Rule("a", CustomerA, 1));

        var changed = matrix.With([Rule("a", CustomerA, 2), Rule("a", CustomerAProductB, 3)], []);

        Assert.Contains(changed.Problems, p => p.Code == MatrixCodes.IdDuplicate && p.Field == "test[a]");
    }

    [Fact]
    public void A_large_matrix_changed_rule_by_rule_answers_as_its_build()
    {
        var rules = Enumerable.Range(0, 3_000).Select(i => Rule($"r{i}", new MatrixKey { Customer = $"C{i % 1_000}", Product = i < 1_000 ? null : $"P{i}" }, i)).ToList();
        var matrix = Build([.. rules]);
        for (var i = 0; i < 300; i++)
        {
            var replacement = Rule($"r{i * 7}", new MatrixKey { Customer = $"C{i}", Unit = "UN" }, i);
            matrix = Changed(matrix, [replacement], i % 2 == 0 ? [$"r{2_000 + i}"] : []);
        }
        var rebuilt = Build([.. matrix.Rules]);
        foreach (var i in Enumerable.Range(0, 3_000).Where(i => i % 3 == 0))
        {
            var line = new MatrixContext { Date = Day0, Customer = $"C{i % 1_000}", Product = $"P{i}", Unit = "UN" };
            Assert.Equal(rebuilt.Found(line), matrix.Found(line));
        }
    }
}

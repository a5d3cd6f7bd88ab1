using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using NodaTime;
using static Crm.Domain.Tests.Matrices.TestRules;

namespace Crm.Domain.Tests.Matrices;

public class MatrixConfigurationTests
{
    private static IReadOnlyList<Problem> Problems(params MatrixRule<Tag>[] rules)
    {
        var result = Matrix<Tag>.Build(rules);
        Assert.False(result.IsValid);
        return result.Problems;
    }

    private static Problem Single(params MatrixRule<Tag>[] rules) => Assert.Single(Problems(rules));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void A_rule_needs_an_id(string? id) =>
        Assert.Equal(MatrixCodes.IdEmpty, Single(Rule(id!, MatrixKey.Any)).Code);

    [Fact]
    public void Ids_are_unique()
    {
        var problem = Single(Rule("R1", new MatrixKey { Customer = "A" }), Rule("R1", new MatrixKey { Customer = "B" }));
        Assert.Equal((MatrixCodes.IdDuplicate, "test[R1]"), (problem.Code, problem.Field));
    }

    [Fact]
    public void Identical_keys_without_ranges_overlap()
    {
        var problem = Single(Rule("R1", new MatrixKey { Customer = "A", NcmPrefix = "8471" }), Rule("R2", new MatrixKey { NcmPrefix = "8471", Customer = "A" }));
        Assert.Equal(MatrixCodes.Overlap, problem.Code);
        Assert.Contains("R1", problem.Message);
        Assert.Contains("R2", problem.Message);
    }

    [Fact]
    public void The_same_ncm_prefix_written_with_and_without_mask_is_the_same_key() =>
        Assert.Equal(MatrixCodes.Overlap, Single(Rule("R1", new MatrixKey { NcmPrefix = "8471.30" }), Rule("R2", new MatrixKey { NcmPrefix = "847130" })).Code);

    [Fact]
    public void Overlapping_validities_of_the_same_key_conflict_but_consecutive_ones_do_not()
    {
        var jan = new Validity(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31));
        var feb = new Validity(new LocalDate(2026, 2, 1), null);
        var fromJan31 = new Validity(new LocalDate(2026, 1, 31), new LocalDate(2026, 3, 1));

        Assert.True(Matrix<Tag>.Build([Rule("jan", new MatrixKey { Validity = jan }), Rule("feb", new MatrixKey { Validity = feb })]).IsValid);
        var problems = Problems(Rule("jan", new MatrixKey { Validity = jan }), Rule("feb", new MatrixKey { Validity = feb }), Rule("late", new MatrixKey { Validity = fromJan31 }));
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(MatrixCodes.Overlap, p.Code));
        Assert.Contains(problems, p => p.Message.Contains("jan") && p.Message.Contains("late"));
        Assert.Contains(problems, p => p.Message.Contains("feb") && p.Message.Contains("late"));
    }

    [Fact]
    public void Overlap_needs_both_ranges_to_overlap()
    {
        var jan = new Validity(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31));
        Assert.True(Matrix<Tag>.Build([
            Rule("jan small", new MatrixKey { Validity = jan, Quantity = new(0, 10) }),
            Rule("jan big", new MatrixKey { Validity = jan, Quantity = new(10, null) }),
            Rule("always tiny", new MatrixKey { Validity = new(from: new LocalDate(2026, 2, 1)), Quantity = new(0, 10) }),
        ]).IsValid);

        Assert.Equal(MatrixCodes.Overlap, Single(
            Rule("jan small", new MatrixKey { Validity = jan, Quantity = new(0, 10) }),
            Rule("open big", new MatrixKey { Quantity = new(5, null) })).Code);
    }

    [Fact]
    public void Different_keys_never_overlap() =>
        Assert.True(Matrix<Tag>.Build([Rule("A", new MatrixKey { Customer = "A" }), Rule("B", new MatrixKey { Product = "A" }), Rule("C", new MatrixKey { NcmPrefix = "84" }), Rule("D", new MatrixKey { NcmPrefix = "8471" })]).IsValid);

    [Fact]
    public void A_validity_must_not_end_before_it_starts()
    {
        var problem = Single(Rule("R", new MatrixKey { Validity = new(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 31)) }));
        Assert.Equal((MatrixCodes.ValidityReversed, "test[R].validity"), (problem.Code, problem.Field));
        Assert.True(Matrix<Tag>.Build([Rule("one day", new MatrixKey { Validity = new(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 1)) })]).IsValid);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 5)]
    [InlineData(-1, null)]
    [InlineData(null, 0)]
    public void A_quantity_range_must_hold_some_non_negative_quantity(int? min, int? max) =>
        Assert.Equal(MatrixCodes.QuantityRange, Single(Rule("R", new MatrixKey { Quantity = new(min, max) })).Code);

    [Theory]
    [InlineData("")]
    [InlineData("84A1")]
    [InlineData("847130120")]
    [InlineData("..")]
    public void An_ncm_prefix_is_one_to_eight_digits(string prefix) =>
        Assert.Equal(MatrixCodes.NcmPrefix, Single(Rule("R", new MatrixKey { NcmPrefix = prefix })).Code);

    [Fact]
    public void A_bound_code_must_not_be_blank()
    {
        var problem = Single(Rule("R", new MatrixKey { PaymentCondition = " " }));
        Assert.Equal((MatrixCodes.BlankCode, "test[R].PaymentCondition"), (problem.Code, problem.Field));
    }

    [Fact]
    public void A_matrix_rejects_dimensions_it_does_not_accept()
    {
        var result = Matrix<Narrow>.Build([new("R", new MatrixKey { Customer = "C", Role = "seller", NcmPrefix = "84" }, new Narrow())]);
        Assert.Equal(
            [(MatrixCodes.DimensionNotAllowed, "narrow[R].Ncm"), (MatrixCodes.DimensionNotAllowed, "narrow[R].Role")],
            result.Problems.Select(p => (p.Code, p.Field)));
    }

    [Fact]
    public void Payload_problems_are_reported_with_the_rule_id() =>
        Assert.Equal("test[R].value", Single(Rule("R", MatrixKey.Any, -1)).Field);

    [Fact]
    public void Every_problem_of_every_rule_is_reported_at_once()
    {
        var problems = Problems(
            Rule("", MatrixKey.Any),
            Rule("R1", new MatrixKey { NcmPrefix = "x", Quantity = new(5, 1) }, -3),
            Rule("R2", new MatrixKey { Customer = "A" }),
            Rule("R3", new MatrixKey { Customer = "A" }),
            Rule("R3", new MatrixKey { Customer = "B" }));

        Assert.Equal(
            [MatrixCodes.IdEmpty, MatrixCodes.PayloadRange, MatrixCodes.NcmPrefix, MatrixCodes.QuantityRange, MatrixCodes.IdDuplicate, MatrixCodes.Overlap],
            problems.Select(p => p.Code));
    }

    /// <summary>A payload accepting customers only.</summary>
    private sealed record Narrow : IMatrixPayload<Narrow>
    {
        public static string MatrixName => "narrow";
        public static DimensionSet Dimensions => DimensionSet.Of(Dimension.Customer);
        public IEnumerable<Problem> Validate(string field) => [];
    }
}

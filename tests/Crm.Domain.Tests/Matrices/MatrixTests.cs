using Crm.Domain.Matrices;
using Crm.Domain.Registry;
using NodaTime;
using static Crm.Domain.Tests.Matrices.TestRules;

namespace Crm.Domain.Tests.Matrices;

public class MatrixTests
{
    public static TheoryData<Dimension> Exact => new(ExactDimensions);

    public static TheoryData<Dimension, Dimension> ConsecutivePrecedence()
    {
        var data = new TheoryData<Dimension, Dimension>();
        var order = Enum.GetValues<Dimension>();
        for (var i = 0; i + 1 < order.Length; i++)
            data.Add(order[i], order[i + 1]);
        return data;
    }

    [Theory, MemberData(nameof(Exact))]
    public void Each_dimension_matches_its_own_value_only(Dimension dimension)
    {
        var matrix = Build(Rule("bound", MatrixKey.Any.Set(dimension, 0)), Rule("default", MatrixKey.Any));

        Assert.Equal("bound", matrix.Found(Context().Set(dimension, 0)));
        Assert.Equal("default", matrix.Found(Context().Set(dimension, 1)));
        Assert.Equal("default", matrix.Found(Context()));
    }

    // A context keeps the hashes of its values as they are set; a context made "with" another value, or with none,
    // must be found by that value only, never by the one it was copied from.
    [Theory, MemberData(nameof(Exact))]
    public void A_context_made_with_a_changed_or_cleared_value_is_found_by_what_it_holds(Dimension dimension)
    {
        var matrix = Build(Rule("zero", MatrixKey.Any.Set(dimension, 0)), Rule("one", MatrixKey.Any.Set(dimension, 1)), Rule("default", MatrixKey.Any));
        var zero = Context().Set(dimension, 0);

        Assert.Equal("one", matrix.Found(zero.Set(dimension, 1)));
        Assert.Equal("default", matrix.Found(Cleared(zero, dimension)));
        Assert.Equal("zero", matrix.Found(zero));
    }

    [Fact]
    public void A_context_made_without_its_ncm_no_longer_matches_ncm_rules()
    {
        var matrix = Build(Rule("ncm", new MatrixKey { NcmPrefix = "8471" }), Rule("default", MatrixKey.Any));
        var withNcm = Context().WithNcm("84713012");

        Assert.Equal("ncm", matrix.Found(withNcm));
        Assert.Equal("default", matrix.Found(withNcm with { Ncm = null }));
        Assert.Equal("default", matrix.Found(withNcm.WithNcm("22030000")));
    }

    private static MatrixContext Cleared(MatrixContext c, Dimension dimension) => dimension switch
    {
        Dimension.Customer => c with { Customer = null },
        Dimension.Product => c with { Product = null },
        Dimension.Cest => c with { Cest = null },
        Dimension.ProductLine => c with { ProductLine = null },
        Dimension.CustomerGroup => c with { CustomerGroup = null },
        Dimension.ClientType => c with { ClientType = null },
        Dimension.ProductOrigin => c with { ProductOrigin = null },
        Dimension.Unit => c with { Unit = null },
        Dimension.Role => c with { Role = null },
        Dimension.PaymentCondition => c with { PaymentCondition = null },
        Dimension.SalesChannel => c with { SalesChannel = null },
        Dimension.Establishment => c with { Establishment = null },
        Dimension.DestinationUf => c with { DestinationUf = null },
        Dimension.OriginUf => c with { OriginUf = null },
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    [Fact]
    public void Codes_are_compared_ordinally()
    {
        var matrix = Build(Rule("r", new MatrixKey { Customer = "C001" }));

        Assert.Equal("r", matrix.Found(Context() with { Customer = "C001" }));
        Assert.Null(matrix.Found(Context() with { Customer = "c001" }));
        Assert.Null(matrix.Found(Context() with { Customer = "C001 " }));
    }

    [Fact]
    public void Ncm_matches_by_prefix_and_the_longest_prefix_wins()
    {
        var matrix = Build(
            Rule("chapter", new MatrixKey { NcmPrefix = "84" }),
            Rule("heading", new MatrixKey { NcmPrefix = "8471" }),
            Rule("subheading", new MatrixKey { NcmPrefix = "8471.30" }),
            Rule("full", new MatrixKey { NcmPrefix = "8471.30.12" }));

        Assert.Equal("full", matrix.Found(Context().WithNcm("84713012")));
        Assert.Equal("subheading", matrix.Found(Context().WithNcm("84713019")));
        Assert.Equal("heading", matrix.Found(Context().WithNcm("84714100")));
        Assert.Equal("chapter", matrix.Found(Context().WithNcm("84181000")));
        Assert.Null(matrix.Found(Context().WithNcm("22030000")));
        Assert.Null(matrix.Found(Context()));
    }

    [Fact]
    public void Ncm_prefixes_keep_their_leading_zeros()
    {
        var matrix = Build(Rule("01", new MatrixKey { NcmPrefix = "01" }), Rule("0", new MatrixKey { NcmPrefix = "0" }));

        Assert.Equal("01", matrix.Found(Context().WithNcm("01012100")));
        Assert.Equal("0", matrix.Found(Context().WithNcm("02011000")));
        Assert.Null(matrix.Found(Context().WithNcm("10011100")));
    }

    [Fact]
    public void More_bound_dimensions_beat_precedence()
    {
        var matrix = Build(
            Rule("customer", new MatrixKey { Customer = "C1" }),
            Rule("route", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.BA }));
        var context = Context() with { Customer = "C1", OriginUf = Uf.SP, DestinationUf = Uf.BA };

        Assert.Equal("route", matrix.Found(context));
    }

    [Theory, MemberData(nameof(ConsecutivePrecedence))]
    public void With_equal_counts_the_earlier_dimension_wins(Dimension earlier, Dimension later)
    {
        var context = Context().WithNcm("84713012");
        MatrixKey Key(Dimension d) => d == Dimension.Ncm ? new MatrixKey { NcmPrefix = "84713012" } : MatrixKey.Any.Set(d, 0);
        MatrixContext Ctx(MatrixContext c, Dimension d) => d == Dimension.Ncm ? c : c.Set(d, 0);
        context = Ctx(Ctx(context, earlier), later);

        Assert.Equal("earlier", Build(Rule("later", Key(later)), Rule("earlier", Key(earlier))).Found(context));
        Assert.Equal("earlier", Build(Rule("earlier", Key(earlier)), Rule("later", Key(later))).Found(context));
    }

    [Fact]
    public void A_longer_ncm_prefix_wins_only_between_equal_dimension_sets()
    {
        var matrix = Build(
            Rule("uf+chapter", new MatrixKey { DestinationUf = Uf.BA, NcmPrefix = "84" }),
            Rule("full", new MatrixKey { NcmPrefix = "84713012" }),
            Rule("uf+heading", new MatrixKey { DestinationUf = Uf.BA, NcmPrefix = "8471" }));

        Assert.Equal("uf+heading", matrix.Found(Context().WithNcm("84713012") with { DestinationUf = Uf.BA }));
        Assert.Equal("full", matrix.Found(Context().WithNcm("84713012") with { DestinationUf = Uf.SP }));
    }

    [Fact]
    public void Validity_is_inclusive_at_both_ends_and_open_when_missing()
    {
        var matrix = Build(
            Rule("2025", new MatrixKey { Product = "P", Validity = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)) }),
            Rule("2026+", new MatrixKey { Product = "P", Validity = new(from: new LocalDate(2026, 1, 1)) }),
            Rule("until 2024", new MatrixKey { Product = "P", Validity = new(to: new LocalDate(2024, 12, 31)) }));
        string? On(int y, int m, int d) => matrix.Found(Context(new LocalDate(y, m, d)) with { Product = "P" });

        Assert.Equal("until 2024", On(1990, 1, 1));
        Assert.Equal("until 2024", On(2024, 12, 31));
        Assert.Equal("2025", On(2025, 1, 1));
        Assert.Equal("2025", On(2025, 12, 31));
        Assert.Equal("2026+", On(2026, 1, 1));
        Assert.Equal("2026+", On(2099, 6, 1));
    }

    [Fact]
    public void An_expired_specific_rule_falls_back_to_the_general_one()
    {
        var matrix = Build(
            Rule("promo", new MatrixKey { Product = "P", Validity = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)) }),
            Rule("general", MatrixKey.Any));

        Assert.Equal("promo", matrix.Found(Context(new LocalDate(2026, 3, 15)) with { Product = "P" }));
        Assert.Equal("general", matrix.Found(Context(new LocalDate(2026, 4, 1)) with { Product = "P" }));
    }

    [Fact]
    public void Quantity_tiers_include_their_minimum_and_exclude_their_maximum()
    {
        var matrix = Build(
            Rule("small", new MatrixKey { Product = "P", Quantity = new(0, 10) }),
            Rule("medium", new MatrixKey { Product = "P", Quantity = new(10, 50) }),
            Rule("large", new MatrixKey { Product = "P", Quantity = new(min: 50) }));
        string? For(decimal? q) => matrix.Found(Context() with { Product = "P", Quantity = q });

        Assert.Equal("small", For(0));
        Assert.Equal("small", For(9.999m));
        Assert.Equal("medium", For(10));
        Assert.Equal("medium", For(49.5m));
        Assert.Equal("large", For(50));
        Assert.Equal("large", For(1_000_000));
        Assert.Null(For(null));
    }

    [Fact]
    public void A_long_history_of_versions_with_quantity_tiers_resolves_every_month()
    {
        var start = new LocalDate(2016, 1, 1);
        var rules = Enumerable.Range(0, 120).SelectMany(m => new[]
        {
            Rule($"{m}-small", new MatrixKey { Product = "P", Quantity = new(0, 10), Validity = new(start.PlusMonths(m), start.PlusMonths(m + 1).PlusDays(-1)) }),
            Rule($"{m}-large", new MatrixKey { Product = "P", Quantity = new(10, null), Validity = new(start.PlusMonths(m), start.PlusMonths(m + 1).PlusDays(-1)) }),
        }).Reverse().ToArray();
        var matrix = Build(rules);

        for (var m = 0; m < 120; m++)
        {
            Assert.Equal($"{m}-small", matrix.Found(Context(start.PlusMonths(m)) with { Product = "P", Quantity = 1 }));
            Assert.Equal($"{m}-large", matrix.Found(Context(start.PlusMonths(m + 1).PlusDays(-1)) with { Product = "P", Quantity = 10 }));
        }
        Assert.Null(matrix.Found(Context(start.PlusDays(-1)) with { Product = "P", Quantity = 1 }));
        Assert.Null(matrix.Found(Context(start.PlusMonths(120)) with { Product = "P", Quantity = 1 }));
    }

    [Fact]
    public void A_context_without_quantity_matches_only_rules_for_any_quantity()
    {
        var matrix = Build(Rule("tier", new MatrixKey { Quantity = new(1, 10) }), Rule("any", new MatrixKey { Product = "P" }));

        Assert.Equal("any", matrix.Found(Context() with { Product = "P" }));
        Assert.Equal("any", matrix.Found(Context() with { Product = "P", Quantity = 5 }));
        Assert.Equal("tier", matrix.Found(Context() with { Quantity = 5 }));
    }

    [Fact]
    public void A_miss_says_so()
    {
        var matrix = Build(Rule("r", new MatrixKey { Customer = "C1" }));

        Assert.False(matrix.TryFind(Context(), out var rule));
        Assert.Null(rule);
        Assert.True(matrix.TryFind(Context() with { Customer = "C1" }, out rule));
        Assert.Equal(new Tag(0), rule.Payload);
        var problem = Matrix<Tag>.NoRule("items[0]", new LocalDate(2026, 2, 3));
        Assert.Equal((MatrixCodes.NoRule, "items[0]"), (problem.Code, problem.Field));
        Assert.Contains("03/02/2026", problem.Message);
    }

    [Fact]
    public void An_empty_matrix_finds_nothing() => Assert.Null(Build().Found(Context().Set(Dimension.Customer, 0)));

    [Fact]
    public void The_built_matrix_does_not_see_later_changes_to_its_input()
    {
        var input = new List<MatrixRule<Tag>> { Rule("r", MatrixKey.Any, 1) };
        var matrix = Matrix<Tag>.Build(input).AsT0;
        input[0] = Rule("other", MatrixKey.Any, 2);

        Assert.Equal("r", matrix.Found(Context()));
        Assert.Equal("r", Assert.Single(matrix.Rules).Id);
        Assert.IsNotType<MatrixRule<Tag>[]>(matrix.Rules);
    }
}

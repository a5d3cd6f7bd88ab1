using Crm.Domain.Problems;
using Crm.Domain.Registry;
using static Crm.Domain.Tests.Registry.InscricaoEstadualExamples;

namespace Crm.Domain.Tests.Registry;

/// <summary>The published examples of <see cref="InscricaoEstadualExamples"/>, per UF.</summary>
public class InscricaoEstadualExampleTests
{
    [Theory]
    [MemberData(nameof(ValidRows), MemberType = typeof(InscricaoEstadualExamples))]
    public void Published_valid_examples_parse_without_warnings(Uf uf, string value, string source) =>
        Assert.Empty(Registered(uf, value, source).Warnings);

    [Theory]
    [MemberData(nameof(DoubtfulRows), MemberType = typeof(InscricaoEstadualExamples))]
    public void Published_examples_with_a_disputed_prefix_parse_with_a_prefix_warning(Uf uf, string value, string source)
    {
        var warning = Assert.Single(Registered(uf, value, source).Warnings);
        Assert.Equal(RegistryCodes.Prefix, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains(uf.ToString(), warning.Message);
    }

    private static InscricaoEstadual Registered(Uf uf, string value, string source)
    {
        var parsed = InscricaoEstadual.Parse(value, uf);
        Assert.True(parsed.IsValid, $"{uf} {value} ({source}): {string.Join("; ", parsed.Problems)}");
        Assert.True(InscricaoEstadual.IsValid(value, uf));
        Assert.True(InscricaoEstadual.TryParse(value, uf, out var ie));
        Assert.Equal(InscricaoEstadualKind.Registered, ie.Kind);
        Assert.Equal(uf, ie.Uf);
        return ie;
    }

    [Theory]
    [MemberData(nameof(RejectedRows), MemberType = typeof(InscricaoEstadualExamples))]
    public void Published_invalid_examples_are_rejected_naming_the_problem(Uf uf, string value, string code, string source)
    {
        var parsed = InscricaoEstadual.Parse(value, uf);

        Assert.False(parsed.IsValid, $"{uf} {value} ({source}) should be invalid");
        Assert.False(InscricaoEstadual.IsValid(value, uf));
        Assert.False(InscricaoEstadual.TryParse(value, uf, out _));
        // Two-digit states may report both digits: the second covers the first (BA: the first covers the second).
        Assert.Contains(parsed.Problems, p => p.Code == code && p.Severity == Severity.Error);
        Assert.All(parsed.Problems, p =>
        {
            Assert.Equal("inscricaoEstadual", p.Field);
            Assert.Contains($"IE de {uf}", p.Message);
        });
    }

    [Fact]
    public void Every_uf_has_at_least_five_valid_and_five_invalid_published_examples()
    {
        foreach (var uf in Enum.GetValues<Uf>())
        {
            Assert.True(Valid.Count(e => e.Uf == uf) + Doubtful.Count(e => e.Uf == uf) >= 5, $"{uf}: fewer than 5 valid examples");
            Assert.True(Rejected.Count(e => e.Uf == uf) >= 5, $"{uf}: fewer than 5 invalid examples");
        }
    }

    [Fact]
    public void Invalid_examples_cover_check_digits_length_letters_prefix_and_range()
    {
        var codes = Rejected.Select(e => e.Code).ToHashSet();

        Assert.Superset(codes, new HashSet<string>
        {
            RegistryCodes.CheckDigit, RegistryCodes.Length, RegistryCodes.Characters, RegistryCodes.Prefix, RegistryCodes.Range,
        });
    }
}

using Crm.Domain.Texts;

namespace Crm.Domain.Tests.Texts;

/// <summary>
/// The text rule, field by field: what PostgreSQL refused while SQLite stored it (issue 12) is now refused by the domain
/// with the field, a stable code and a Portuguese message; valid text is untouched.
/// </summary>
public class TextRuleTests
{
    [Fact]
    public void A_board_name_of_101_characters_is_too_long_and_100_fit()
    {
        Assert.Empty(StoredTextFields.BoardName.Try(new string('a', 100)));

        var problem = Assert.Single(StoredTextFields.BoardName.Try(new string('a', 101)));

        Assert.Equal(("name", TextCodes.TooLong), (problem.Field, problem.Code));
        Assert.Equal("No máximo 100 caracteres (101 informados).", problem.Message);
    }

    [Fact]
    public void A_card_name_of_201_characters_is_too_long()
    {
        Assert.Empty(StoredTextFields.CardName.Try(new string('a', 200)));
        Assert.Equal([TextCodes.TooLong], StoredTextFields.CardName.Try(new string('a', 201)).Select(p => p.Code));
        Assert.Equal([TextCodes.TooLong], StoredTextFields.CardRename.Try(new string('a', 201)).Select(p => p.Code));
        Assert.Equal([TextCodes.TooLong], StoredTextFields.BaseCardName.Try(new string('a', 201)).Select(p => p.Code));
    }

    [Fact]
    public void A_contact_role_of_101_characters_is_too_long()
    {
        Assert.Empty(StoredTextFields.ContactRole.Try(new string('a', 100)));
        Assert.Equal([TextCodes.TooLong], StoredTextFields.ContactRole.Try(new string('a', 101)).Select(p => p.Code));
        Assert.Equal([TextCodes.TooLong], StoredTextFields.ContactDepartment.Try(new string('a', 101)).Select(p => p.Code));
    }

    [Theory]
    [InlineData("lead legal name")]
    [InlineData("card name")]
    [InlineData("board name")]
    [InlineData("contact name")]
    [InlineData("observation")]
    public void A_NUL_character_is_refused(string field)
    {
        var problem = Assert.Single(Field(field).Try("Padaria\0 São João"));

        Assert.Equal(TextCodes.ControlCharacter, problem.Code);
        Assert.Contains("U+0000", problem.Message, StringComparison.Ordinal);
    }

    // A lone surrogate cannot be a string in an attribute (metadata stores UTF-8, which turns it into U+FFFD): it comes as a char.
    [Theory]
    [InlineData("lead legal name", '\uD83D')]
    [InlineData("card name", '\uDE00')]
    [InlineData("tenant name", '\uDE00')]
    public void A_lone_surrogate_is_refused(string field, char half) =>
        Assert.Equal([TextCodes.LoneSurrogate], Field(field).Try($"Padaria {half} São João").Select(p => p.Code));

    [Fact]
    public void A_surrogate_pair_in_the_wrong_order_is_two_lone_surrogates() =>
        Assert.Equal([TextCodes.LoneSurrogate], StoredTextFields.ContactName.Try("Ana \uDE00\uD83D").Select(p => p.Code));

    [Fact]
    public void Length_counts_code_points_as_PostgreSQL_does()
    {
        // 100 emoji are 200 UTF-16 units but 100 characters of varchar(100).
        var emoji = string.Concat(Enumerable.Repeat("😀", 100));

        Assert.Empty(StoredTextFields.BoardName.Try(emoji));
        Assert.Equal([TextCodes.TooLong], StoredTextFields.BoardName.Try(emoji + "a").Select(p => p.Code));
    }

    [Fact]
    public void Line_breaks_and_tabs_are_refused_in_names_and_kept_in_notes()
    {
        const string Text = "Entregar pela manhã\r\n\tportão 2";

        Assert.Equal([TextCodes.ControlCharacter], StoredTextFields.CardName.Try(Text).Select(p => p.Code));
        Assert.Empty(StoredTextFields.Observation.Try(Text));
        Assert.Empty(StoredTextFields.CardDescription.Try(Text));
        Assert.Empty(StoredTextFields.CardComment.Try(Text));
        Assert.Empty(StoredTextFields.OpportunityDescription.Try(Text));
    }

    [Fact]
    public void Other_control_characters_are_refused_even_in_notes() =>
        Assert.Equal([TextCodes.ControlCharacter], StoredTextFields.Observation.Try("nota \u001B[31m vermelha").Select(p => p.Code));

    [Fact]
    public void A_text_breaking_every_rule_names_every_problem()
    {
        var codes = StoredTextFields.OpportunityTitle.Try(new string('a', 200) + "\0\uD83D").Select(p => p.Code);

        Assert.Equal([TextCodes.TooLong, TextCodes.ControlCharacter, TextCodes.LoneSurrogate], codes);
    }

    [Fact]
    public void Fields_with_an_older_too_long_code_keep_it()
    {
        Assert.Equal(["contact.name.too_long"], StoredTextFields.ContactName.Try(new string('a', 101)).Select(p => p.Code));
        Assert.Equal(["lead.legal_name.too_long"], StoredTextFields.LegalName.Try(new string('a', 101)).Select(p => p.Code));
        Assert.Equal(["company.name.too_long"], StoredTextFields.CompanyName.Try(new string('a', 121)).Select(p => p.Code));
    }

    private static StoredTextField Field(string name) => StoredTextFields.All.Single(f => f.Name == name);
}

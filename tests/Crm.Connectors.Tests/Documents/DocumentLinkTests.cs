using Crm.Connectors.Documents;

namespace Crm.Connectors.Tests.Documents;

public sealed class DocumentLinkTests
{
    [Theory]
    [InlineData("https://drive.acme.com.br/propostas/42.pdf")]
    [InlineData("  http://intranet/doc?id=7  ")]
    public void Http_and_https_links_are_kept(string text) =>
        Assert.Equal(new Uri(text.Trim()), DocumentLink.Parse(text).AsT0);

    [Theory]
    [InlineData(null, "document.link.required")]
    [InlineData("  ", "document.link.required")]
    [InlineData("javascript:alert(1)", "document.link.invalid")]
    [InlineData("file:///etc/passwd", "document.link.invalid")]
    [InlineData("propostas/42.pdf", "document.link.invalid")]
    public void Other_text_is_refused_with_a_code(string? text, string code) =>
        Assert.Equal(code, Assert.Single(DocumentLink.Parse(text).Problems).Code);

    [Fact]
    public void An_overlong_link_is_refused() =>
        Assert.Equal("document.link.too_long", Assert.Single(DocumentLink.Parse("https://a.b/" + new string('x', DocumentLink.MaxLength)).Problems).Code);
}

using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Content;

namespace Crm.Domain.Tests.Boards;

public class CardContentTests
{
    private readonly BoardWorld _w = new();

    [Fact]
    public void Only_the_board_tags_can_be_put_on_a_card_once()
    {
        var card = _w.Open();

        Assert.True(card.AddTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock).IsT0);
        Assert.Equal(ContentCodes.TagPresent, card.AddTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(ContentCodes.TagUnknown, card.AddTag(_w.Board, TagId.New(), _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.Equal(("tags", "Fibra"), (card.History[^1].Field, card.History[^1].NewValue));
    }

    [Fact]
    public void Tags_come_off_only_when_present()
    {
        var card = _w.Open();
        card.AddTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock);

        Assert.True(card.RemoveTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock).IsT0);
        Assert.Empty(card.Tags);
        Assert.Equal(ContentCodes.TagAbsent, card.RemoveTag(_w.Board, _w.Fibre.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Content_of_another_board_is_a_bug()
    {
        var card = _w.Open();

        Assert.Throws<ArgumentException>(() => card.AddTag(new BoardWorld().Board, _w.Fibre.Id, _w.Admin, _w.Clock));
    }

    [Fact]
    public void Members_are_added_once_and_removed_when_present()
    {
        var card = _w.Open();
        var member = BoardWorld.User();

        card.AddMember(member, _w.Admin, _w.Clock);
        Assert.Equal(ContentCodes.MemberPresent, card.AddMember(member, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.True(card.RemoveMember(member, _w.Admin, _w.Clock).IsT0);
        Assert.Equal(ContentCodes.MemberAbsent, card.RemoveMember(member, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Comments_need_text_and_only_their_author_removes_them()
    {
        var card = _w.Open();
        var author = BoardWorld.User();

        Assert.Equal(ContentCodes.CommentRequired, card.AddComment("  ", author, _w.Clock).AsT1.Problems[0].Code);
        card.AddComment(" Ligar após as 18h ", author, _w.Clock);
        var comment = card.Comments.Single();
        Assert.Equal(("Ligar após as 18h", author, BoardWorld.Start), (comment.Text, comment.Author, comment.At));

        Assert.Equal(ContentCodes.CommentNotAuthor, card.RemoveComment(comment.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        Assert.True(card.RemoveComment(comment.Id, author, _w.Clock).IsT0);
        Assert.Equal(ContentCodes.CommentNotFound, card.RemoveComment(comment.Id, author, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Attachments_are_stored_files_or_external_links_and_can_be_detached()
    {
        var card = _w.Open();
        var file = Attachment.Create("contrato.pdf", 120_000, "Application/PDF", new AttachmentLocation.StoredFile("tenant/contrato.pdf")).AsT0;
        var link = Attachment.Create("Planta", 0, "text/html", new AttachmentLocation.ExternalLink(new Uri("https://drive.example.com/planta"))).AsT0;

        card.Attach(file, _w.Admin, _w.Clock);
        card.Attach(link, _w.Admin, _w.Clock);
        Assert.Equal(("application/pdf", 120_000L), (card.Attachments[0].ContentType, card.Attachments[0].Size));

        Assert.True(card.Detach(file.Id, _w.Admin, _w.Clock).IsT0);
        Assert.Equal([link], card.Attachments);
        Assert.Equal(ContentCodes.AttachmentNotFound, card.Detach(file.Id, _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Attachment_metadata_reports_every_problem()
    {
        var result = Attachment.Create(" ", -1, "pdf", new AttachmentLocation.ExternalLink(new Uri("ftp://example.com/a")));

        Assert.Equal([Attachment.NameRequired, Attachment.SizeNegative, Attachment.ContentTypeFormat, Attachment.LocationInvalid],
            result.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(Attachment.LocationInvalid,
            Attachment.Create("a", 1, "text/plain", new AttachmentLocation.StoredFile(" ")).AsT1.Problems.Single().Code);
    }

    [Fact]
    public void Description_blank_clears_it_and_every_edit_is_in_the_history()
    {
        var card = _w.Open();
        _w.Clock.AdvanceMinutes(1);

        card.Describe("Cliente quer 300 Mbps", _w.Admin, _w.Clock);
        card.Describe("  ", _w.Admin, _w.Clock);

        Assert.Null(card.Description);
        var edits = card.History.Skip(1).ToList();
        Assert.Equal([(null, "Cliente quer 300 Mbps"), ("Cliente quer 300 Mbps", null)], edits.Select(e => (e.OldValue, e.NewValue)));
        Assert.All(edits, e => Assert.Equal((_w.Admin, BoardWorld.Start + NodaTime.Duration.FromMinutes(1)), (e.By, e.At)));
    }

    [Fact]
    public void Base_cards_have_names_and_their_own_history()
    {
        Assert.Equal(BaseCard.NameRequired, BaseCard.Create(_w.Board, "", _w.Admin, _w.Clock).AsT1.Problems[0].Code);
        var template = BaseCard.Create(_w.Board, "Empresarial", _w.Admin, _w.Clock).AsT0;

        template.Rename("Empresarial dedicado", _w.Admin, _w.Clock);
        template.AddTag(_w.Board, _w.Business.Id, _w.Admin, _w.Clock);

        Assert.Equal("Empresarial dedicado", template.Name);
        Assert.Equal(["created", "name", "tags"], template.History.Select(e => e.Field));
        Assert.Equal(BaseCard.NameRequired, template.Rename(" ", _w.Admin, _w.Clock).AsT1.Problems[0].Code);
    }
}

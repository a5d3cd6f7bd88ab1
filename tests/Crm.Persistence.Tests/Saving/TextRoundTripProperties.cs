using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using Crm.Domain.Texts;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Saving;

/// <summary>
/// Whatever text the domain accepts is stored and read back identical on both providers: names up to their
/// <see cref="TextLimits"/> length in code points (so astral characters, 2 UTF-16 units each, fill a column to its last
/// character), accents and combining marks, and tabs and line breaks in multi-line notes.
/// </summary>
public sealed class TextRoundTripProperties
{
    // Pieces of one code point each (a combining mark too, as PostgreSQL counts it): ASCII, Latin accents, CJK, astral.
    private static readonly string[] Pieces = ["a", "Z", "7", " ", "-", "ã", "Ç", "é", "\u0301", "漢", "😀", "𝄞", "🇧"];
    private static readonly string[] LineBreaks = ["\n", "\r\n", "\t"];

    /// <summary>Text of 1 to <paramref name="max"/> code points (a third exactly <paramref name="max"/>), no blank edge (the domain trims).</summary>
    private static Gen<string> Text(int max, bool multiLine = false) =>
        from length in Gen.Frequency((1, Gen.Choose(1, max)), (1, Gen.Constant(max)))
        from inner in Gen.Elements(multiLine ? [.. Pieces, .. LineBreaks] : Pieces).ArrayOf(Math.Max(0, length - 2))
        from edges in Gen.Elements("a", "é", "😀").ArrayOf(Math.Min(length, 2))
        select string.Concat([edges[0], .. inner, .. edges.Skip(1)]);

    private static readonly Gen<Texts> Drawn =
        from board in Text(TextLimits.BoardName)
        from card in Text(TextLimits.CardName)
        from role in Text(TextLimits.ContactRole)
        from legal in Text(TextLimits.RegistrationName)
        from note in Text(2_000, multiLine: true)
        select new Texts(board, card, role, legal, note);

    [Theory, SqliteData, PostgresData]
    public async Task Text_the_domain_accepts_reads_back_identical(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(Drawn.ToArbitrary(), texts =>
            RoundTrip(db, texts).GetAwaiter().GetResult()));
    }

    private static async Task RoundTrip(TestDatabase db, Texts texts)
    {
        var tenant = new TenantId(Guid.NewGuid());
        var clock = Records.Clock();
        var board = Board.Create(tenant, texts.Board, new BoardScope(BoardScopeKind.Region, texts.Board), Colour.Of("#1E88E5"), Records.Ana, clock).AsT0;
        board.AddStage("Novo", null, Colour.Of("#FFC107"), Records.Ana, clock);
        var card = Card.Open(board, board.Stages[0].Id, texts.Card, new ProspectLink(new LeadId(Guid.NewGuid()), clock.GetCurrentInstant()),
            null, null, new ProspectCardIndex([]), Records.Ana, clock).AsT0;
        var account = Crm.Domain.Accounts.Account.Register(new AccountId(Guid.NewGuid()), tenant, Records.Valid(Records.Company(1) with
        {
            LegalName = texts.Legal,
            Observations = [new Observation(ObservationType.Commercial, texts.Note)],
        }, RegistrationKind.Account), Records.Ana, clock);
        var contact = Contact.Create(new ContactId(Guid.NewGuid()), tenant, account.Id, new ContactForm("Maria", texts.Role), Records.Ana, clock).AsT0;
        await using (var write = db.Open(tenant))
        {
            write.AddRange(board, card, account, contact);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(tenant);
        Assert.Equal(texts.Board, (await read.Boards.SingleAsync()).Name);
        Assert.Equal(texts.Board, (await read.Boards.SingleAsync()).Scope.Name);
        Assert.Equal(texts.Card, (await read.Cards.SingleAsync()).Name);
        Assert.Equal(texts.Role, (await read.Contacts.SingleAsync()).Role);
        var stored = await read.Accounts.SingleAsync();
        Assert.Equal(texts.Legal, stored.Data.LegalName);
        Assert.Equal(texts.Note, Assert.Single(stored.Data.Observations).Text);
        // The search column copied from the document, which PostgreSQL sizes as varchar(RegistrationName).
        Assert.Equal(texts.Legal, await read.Accounts.Select(a => EF.Property<string>(a, CrmQueries.LegalName)).SingleAsync());
    }

    private sealed record Texts(string Board, string Card, string Role, string Legal, string Note);
}

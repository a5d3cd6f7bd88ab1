using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using Crm.Persistence.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Persistence.Tests.Boards;

/// <summary>Boards and cards to store.</summary>
internal static class BoardRecords
{
    /// <summary>A board "Prospecção" of region Sul with <paramref name="stages"/> (name, stagnant days) and <paramref name="tags"/>, in order.</summary>
    public static Board Board(TenantId tenant, FakeClock clock, (string Name, int? StagnantDays)[] stages, params string[] tags)
    {
        var board = Crm.Domain.Boards.Board.Create(tenant, "Prospecção", new BoardScope(BoardScopeKind.Region, "Sul"), Colour.Of("#1E88E5"), Records.Ana, clock).AsT0;
        foreach (var (name, days) in stages)
            board.AddStage(name, days, Colour.Of("#FFC107"), Records.Ana, clock);
        foreach (var tag in tags)
            board.AddTag(tag, Colour.Of("#43A047"), Records.Ana, clock);
        return board;
    }

    /// <summary>A card opened by Ana on stage <paramref name="stage"/> for a new prospect (registered now unless said), tracked by <paramref name="prospects"/>.</summary>
    public static Card Open(Board board, int stage, string name, UserId? seller, ProspectCardIndex prospects, FakeClock clock, Instant? registered = null)
    {
        var card = Card.Open(board, board.Stages[stage].Id, name, new ProspectLink(new LeadId(Guid.NewGuid()), registered ?? clock.GetCurrentInstant()),
            seller, null, prospects, Records.Ana, clock).AsT0;
        prospects.Track(card);
        return card;
    }
}

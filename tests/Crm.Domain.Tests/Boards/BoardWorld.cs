using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Domain.Tests.Boards;

/// <summary>A board with three stages (3 stagnant days, 7, none), two tags and a prospect index, on a fake clock.</summary>
internal sealed class BoardWorld
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 12, 0);
    public static readonly TenantId Tenant = new(Guid.NewGuid());

    public BoardWorld()
    {
        Board = Board.Create(Tenant, "Vendas Zona Sul", new BoardScope(BoardScopeKind.Region, "Zona Sul"), Colour.Of("#1E88E5"), Admin, Clock).AsT0;
        New = Board.AddStage("Novo", 3, null, Admin, Clock).AsT0;
        Visit = Board.AddStage("Visita técnica", 7, Colour.Of("FFA000"), Admin, Clock).AsT0;
        Contract = Board.AddStage("Contrato", null, null, Admin, Clock).AsT0;
        Fibre = Board.AddTag("Fibra", Colour.Of("#00FF00"), Admin, Clock).AsT0;
        Business = Board.AddTag("Empresa", Colour.Of("#0000FF"), Admin, Clock).AsT0;
    }

    public FakeClock Clock { get; } = new(Start);
    public UserId Admin { get; } = User();
    public Board Board { get; }
    public BoardStage New { get; }
    public BoardStage Visit { get; }
    public BoardStage Contract { get; }
    public Tag Fibre { get; }
    public Tag Business { get; }
    public ProspectCardIndex Index { get; } = new([]);

    public static UserId User() => new(Guid.NewGuid());

    public static ProspectLink Prospect(Instant? registeredAt = null) => new(new LeadId(Guid.NewGuid()), registeredAt ?? Start - Duration.FromDays(10));

    public Card Open(string name = "Padaria Pão Quente", BoardStage? stage = null, UserId? seller = null, BaseCard? baseCard = null, ProspectLink? prospect = null)
    {
        var card = Card.Open(Board, (stage ?? New).Id, name, prospect ?? Prospect(), seller, baseCard, Index, Admin, Clock).AsT0;
        Index.Track(card);
        return card;
    }
}

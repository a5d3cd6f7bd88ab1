using BenchmarkDotNet.Attributes;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Benchmarks.Boards;

/// <summary>
/// Filtering and paging one board in memory: 6 stages, 8 tags, 20 sellers, cards spread over a year with tags,
/// members, tasks and closed states. Each call builds the specification (expression + compile) and pages every list.
/// </summary>
[MemoryDiagnoser]
public class BoardFilterBenchmarks
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private readonly SteppingClock _clock = new();
    private Board _board = null!;
    private List<Card> _cards = [];
    private CardFilter _busy = null!;
    private Instant _now;

    [Params(10_000, 100_000)]
    public int Cards { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var admin = new UserId(Guid.NewGuid());
        var sellers = Enumerable.Range(0, 20).Select(_ => new UserId(Guid.NewGuid())).ToArray();
        var start = Instant.FromUtc(2025, 1, 1, 12, 0);
        _clock.Now = start;
        _board = Board.Create(new TenantId(Guid.NewGuid()), "Bench", new BoardScope(BoardScopeKind.Region, "Sul"), Colour.Of("#123456"), admin, _clock).AsT0;
        var stages = Enumerable.Range(0, 6).Select(i => _board.AddStage($"Etapa {i}", i < 5 ? 3 + i : null, null, admin, _clock).AsT0).ToArray();
        var tags = Enumerable.Range(0, 8).Select(i => _board.AddTag($"Etiqueta {i}", Colour.Of("#ABCDEF"), admin, _clock).AsT0).ToArray();
        var index = new ProspectCardIndex([]);
        _cards = new List<Card>(Cards);
        for (var i = 0; i < Cards; i++)
        {
            _clock.Now = start + Duration.FromMinutes(random.Next(60 * 24 * 365));
            var prospect = new ProspectLink(new LeadId(Guid.NewGuid()), _clock.Now - Duration.FromDays(random.Next(90)));
            var card = Card.Open(_board, stages[random.Next(stages.Length)].Id, $"Prospecto {i}", prospect,
                sellers[random.Next(sellers.Length)], null, index, admin, _clock).AsT0;
            card.AddTag(_board, tags[random.Next(tags.Length)].Id, admin, _clock);
            card.AddMember(sellers[random.Next(sellers.Length)], admin, _clock);
            if (random.Next(3) == 0)
                card.AddTask("Retornar", new LocalDate(2026, 1, 10), admin, admin, _clock);
            _clock.Now += Duration.FromDays(random.Next(15));
            switch (random.Next(10))
            {
                case 0: card.Archive(admin, _clock); break;
                case 1: card.MarkLost("preço", admin, _clock); break;
                case 2: card.ConvertToCustomer(admin, _clock); break;
                default: card.Describe("em andamento", admin, _clock); break;
            }
            _cards.Add(card);
        }
        _now = start + Duration.FromDays(380);
        _busy = CardFilter.Create(new CardFilterDraft
        {
            From = new LocalDate(2025, 3, 1),
            To = new LocalDate(2025, 10, 31),
            Order = SortOrder.Descending,
            CardsPerList = 50,
            Tags = [tags[0].Id, tags[3].Id, tags[5].Id],
            Sellers = [.. sellers.Take(10)],
            Stagnant = TriState.No,
            Lost = TriState.No,
        }).AsT0;
    }

    /// <summary>The floor on this machine: touching every card once, no filter, no order (noise calibration on a shared box).</summary>
    [Benchmark(Baseline = true)]
    public int Scan_every_card_once()
    {
        var open = 0;
        foreach (var card in _cards)
            if (card.ArchivedAt is null)
                open++;
        return open;
    }

    [Benchmark]
    public int Cleared_filter_all_columns() =>
        new CardSpecification(CardFilter.Cleared, _board, Zone, _now).Columns(_board, _cards).Sum(c => c.Cards.Count);

    [Benchmark]
    public int Busy_filter_all_columns() =>
        new CardSpecification(_busy, _board, Zone, _now).Columns(_board, _cards).Sum(c => c.Cards.Count);

    [Benchmark]
    public int Busy_filter_third_page_of_one_list() =>
        new CardSpecification(_busy, _board, Zone, _now).Page(_cards, _board.Stages[1].Id, 2).Count;

    [Benchmark]
    public int Busy_filter_through_AsQueryable() =>
        new CardSpecification(_busy, _board, Zone, _now).Page(_cards.AsQueryable(), _board.Stages[1].Id, 2).Count();

    private sealed class SteppingClock : IClock
    {
        public Instant Now { get; set; }

        public Instant GetCurrentInstant() => Now;
    }
}

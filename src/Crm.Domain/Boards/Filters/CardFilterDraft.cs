using Crm.Domain.Boards;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// The board filter form ("Filtrar") as the user fills it; <see cref="CardFilter.Create"/> validates it.
/// The defaults are the cleared form: no date range, card-created date, ascending, 20 per list, archived cards hidden,
/// everything else "todos".
/// </summary>
public sealed record CardFilterDraft
{
    /// <summary>First business date of the range ("Data de Início"), inclusive; null for no lower bound.</summary>
    public LocalDate? From { get; init; }

    /// <summary>Last business date of the range ("Data de Fim"), inclusive; null for no upper bound.</summary>
    public LocalDate? To { get; init; }

    /// <summary>Which date the range and the ordering use.</summary>
    public CardDateKind DateKind { get; init; } = CardDateKind.CardCreated;

    /// <summary>The ordering.</summary>
    public SortOrder Order { get; init; } = SortOrder.Ascending;

    /// <summary>Cards per list, as typed: only 10, 20, 50, 100 and 500 are accepted.</summary>
    public int CardsPerList { get; init; } = 20;

    /// <summary>Cards with any of these tags; empty for no tag filter.</summary>
    public IReadOnlyList<TagId> Tags { get; init; } = [];

    /// <summary>Cards with any of these users as members ("Usuários vinculados"); empty for no filter.</summary>
    public IReadOnlyList<UserId> Users { get; init; } = [];

    /// <summary>Cards whose seller is one of these ("Vendedores vinculados"); empty for no filter.</summary>
    public IReadOnlyList<UserId> Sellers { get; init; } = [];

    /// <summary>Stagnant cards ("Estagnados").</summary>
    public TriState Stagnant { get; init; }

    /// <summary>Cards with tasks ("Tarefas").</summary>
    public TriState HasTasks { get; init; }

    /// <summary>Archived cards ("Arquivados"); hidden unless asked for.</summary>
    public TriState Archived { get; init; } = TriState.No;

    /// <summary>Cards marked lost ("Perdido").</summary>
    public TriState Lost { get; init; }

    /// <summary>Cards converted to customer ("Convertido para Cliente").</summary>
    public TriState ConvertedToCustomer { get; init; }

    /// <summary>Cards converted to customer service ("Convertido para Serviço do Cliente").</summary>
    public TriState ConvertedToCustomerService { get; init; }
}

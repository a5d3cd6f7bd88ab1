using Crm.Domain.Identity;
using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// A validated board filter (seed 004, "Filtrar"). It says what the user asked for; <see cref="CardSpecification"/>
/// turns it, for one board at one instant, into expressions a database or memory can run.
/// </summary>
public sealed class CardFilter
{
    /// <summary>Problem code: a page size other than 10, 20, 50, 100 or 500.</summary>
    public const string CardsPerListCode = "board.filter.cards_per_list";

    /// <summary>Problem code: the range starts after it ends.</summary>
    public const string DateRangeCode = "board.filter.date_range";

    private CardFilter(CardFilterDraft draft)
    {
        Draft = draft with { Tags = [.. draft.Tags.Distinct()], Users = [.. draft.Users.Distinct()], Sellers = [.. draft.Sellers.Distinct()] };
        CardsPerList = (CardsPerList)draft.CardsPerList;
    }

    /// <summary>The cleared filter ("Limpar Filtros").</summary>
    public static CardFilter Cleared { get; } = new(new CardFilterDraft());

    /// <summary>The choices, as a form to edit further (<c>filter.Draft with { ... }</c>).</summary>
    public CardFilterDraft Draft { get; }

    /// <summary>The page size of each list.</summary>
    public CardsPerList CardsPerList { get; }

    /// <summary>Validates the form, reporting every problem.</summary>
    /// <param name="draft">The form.</param>
    public static Outcome<CardFilter> Create(CardFilterDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ProblemCollector();
        if (!Enum.IsDefined((CardsPerList)draft.CardsPerList))
            problems.Add(new("cards_per_list", CardsPerListCode, "Quantidade de cartões por lista deve ser 10, 20, 50, 100 ou 500."));
        if (draft is { From: { } from, To: { } to } && from > to)
            problems.Add(new("date_range", DateRangeCode, "A data de início é posterior à data de fim."));
        return problems.HasProblems ? problems.ToInvalid() : new CardFilter(draft);
    }
}

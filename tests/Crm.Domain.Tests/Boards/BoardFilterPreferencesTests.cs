using Crm.Domain.Boards;
using Crm.Domain.Boards.Filters;

namespace Crm.Domain.Tests.Boards;

public class BoardFilterPreferencesTests
{
    private readonly BoardFilterPreferences _mine = new(BoardWorld.User(), BoardId.New());
    private readonly CardFilter _lost = CardFilter.Create(new CardFilterDraft { Lost = TriState.Yes }).AsT0;

    [Fact]
    public void Starts_with_the_cleared_filter_and_nothing_saved()
    {
        Assert.Same(CardFilter.Cleared, _mine.Current);
        Assert.Empty(_mine.Saved);
    }

    [Fact]
    public void Saving_keeps_the_current_filter_under_a_name_and_loading_brings_it_back()
    {
        _mine.Use(_lost);
        _mine.Save(" Perdidos ");
        _mine.Clear();
        Assert.Same(CardFilter.Cleared, _mine.Current);

        Assert.Same(_lost, _mine.Load("perdidos").AsT0);
        Assert.Same(_lost, _mine.Current);
    }

    [Fact]
    public void Saving_under_an_existing_name_replaces_it()
    {
        _mine.Use(_lost);
        _mine.Save("Meu filtro");
        _mine.Clear();
        _mine.Save("MEU FILTRO");

        Assert.Same(CardFilter.Cleared, Assert.Single(_mine.Saved).Value);
    }

    [Fact]
    public void Names_are_required_and_unknown_names_reported()
    {
        Assert.Equal(BoardFilterPreferences.NameRequired, _mine.Save(" ").AsT1.Problems[0].Code);
        Assert.Equal(BoardFilterPreferences.NotFound, _mine.Load("nada").AsT1.Problems[0].Code);
        Assert.Equal(BoardFilterPreferences.NotFound, _mine.Forget(null).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Forgetting_deletes_a_saved_filter_but_not_the_current_one()
    {
        _mine.Use(_lost);
        _mine.Save("Perdidos");

        _mine.Forget("perdidos");

        Assert.Empty(_mine.Saved);
        Assert.Same(_lost, _mine.Current);
    }
}

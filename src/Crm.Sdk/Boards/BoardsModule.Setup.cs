using Crm.Domain.Access;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Problems;
using Crm.Persistence.Access;
using Crm.Persistence.Boards;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Boards;

// A board's set-up (stages, tags), its lists, and each user's saved filters.
public sealed partial class BoardsModule
{
    /// <summary>The boards the user sees (released to it or its team; every board for reach All), by name then id (Boards › View).</summary>
    public Task<CrmResult<IReadOnlyList<Board>>> ListAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("boards.list", Module.Boards, Permission.View, async work =>
            CrmResult<IReadOnlyList<Board>>.Of(await work.Db.Boards.VisibleTo(work.Access.Scope!).AsNoTracking()
                .OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(work.Cancellation).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>
    /// A page of the cards of board <paramref name="board"/> (deleted ones aside), oldest first then by id (Boards › View; the
    /// board released to the user). A page holds at most <see cref="Paging.MaxPageSize"/>.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<Card>>> CardsAsync(BoardId board, int skip, int take, CancellationToken cancellationToken = default) =>
        _session.RunAsync("boards.cards", Module.Boards, Permission.View, async work =>
        {
            if (Paging.Check(skip, take) is { } invalid)
                return invalid;
            var found = await BoardAsync(work, board, Permission.View).ConfigureAwait(false);
            if (!found.Succeeded)
                return found.Failure<IReadOnlyList<Card>>();
            return CrmResult<IReadOnlyList<Card>>.Of(await work.Db.Cards.AsNoTracking().Where(c => c.Board == board && c.DeletedAt == null)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(work.Cancellation).ConfigureAwait(false));
        }, cancellationToken);

    /// <summary>Adds a stage (a list) at <paramref name="position"/>, at the end when null (Boards › Edit; the board released to the user).</summary>
    public Task<CrmResult<BoardSaved>> AddStageAsync(BoardId board, string name, int? stagnantDays, Colour? colour = null, int? position = null,
        CancellationToken cancellationToken = default) =>
        EditBoardAsync("boards.add_stage", board, (b, work) => Task.FromResult(b.AddStage(name, stagnantDays, colour, work.User, work.Clock, position)), Saved, cancellationToken);

    /// <summary>Renames stage <paramref name="stage"/>, sets its stagnant days and colour (Boards › Edit).</summary>
    public Task<CrmResult<BoardSaved>> ReviseStageAsync(BoardId board, BoardStageId stage, string name, int? stagnantDays, Colour? colour = null,
        CancellationToken cancellationToken = default) =>
        EditBoardAsync("boards.revise_stage", board, (b, work) => Task.FromResult(b.ReviseStage(stage, name, stagnantDays, colour, work.User, work.Clock)), Saved, cancellationToken);

    /// <summary>Moves stage <paramref name="stage"/> to <paramref name="position"/> (0-based) among the board's stages (Boards › Edit).</summary>
    public Task<CrmResult<BoardSaved>> MoveStageAsync(BoardId board, BoardStageId stage, int position, CancellationToken cancellationToken = default) =>
        EditBoardAsync("boards.move_stage", board, (b, work) => Task.FromResult(b.MoveStage(stage, position, work.User, work.Clock)), Saved, cancellationToken);

    /// <summary>Removes stage <paramref name="stage"/> (Boards › Edit); a stage that still holds a card (archived or deleted ones too) is refused.</summary>
    public Task<CrmResult<BoardSaved>> RemoveStageAsync(BoardId board, BoardStageId stage, CancellationToken cancellationToken = default) =>
        EditBoardAsync("boards.remove_stage", board, async (b, work) =>
        {
            var cards = await work.Db.Cards.CountAsync(c => c.Board == board && c.Stage == stage, work.Cancellation).ConfigureAwait(false);
            return b.RemoveStage(stage, cards, work.User, work.Clock);
        }, Saved, cancellationToken);

    /// <summary>Defines a tag on board <paramref name="board"/> (Boards › Edit); its name is unique on the board.</summary>
    public Task<CrmResult<TagSaved>> AddTagAsync(BoardId board, string name, Colour colour, CancellationToken cancellationToken = default) =>
        EditBoardAsync("boards.add_tag", board, (b, work) => Task.FromResult(b.AddTag(name, colour, work.User, work.Clock)), (b, tag, version) => new TagSaved(b.Id, tag.Id, version), cancellationToken);

    /// <summary>Renames or recolours tag <paramref name="tag"/> of board <paramref name="board"/> (Boards › Edit).</summary>
    public Task<CrmResult<TagSaved>> ReviseTagAsync(BoardId board, TagId tag, string name, Colour colour, CancellationToken cancellationToken = default) =>
        EditBoardAsync("boards.revise_tag", board, (b, work) => Task.FromResult(b.ReviseTag(tag, name, colour, work.User, work.Clock)), (b, t, version) => new TagSaved(b.Id, t.Id, version), cancellationToken);

    /// <summary>Deletes tag <paramref name="tag"/> of board <paramref name="board"/> (Boards › Edit); a tag a card still carries is refused.</summary>
    public Task<CrmResult<TagSaved>> RemoveTagAsync(BoardId board, TagId tag, CancellationToken cancellationToken = default) =>
        EditBoardAsync("boards.remove_tag", board, async (b, work) =>
            b.RemoveTag(tag, await work.Db.Cards.CountAsync(c => c.Board == board && c.Tags.Contains(tag), work.Cancellation).ConfigureAwait(false),
                work.User, work.Clock), (b, _, version) => new TagSaved(b.Id, tag, version), cancellationToken);

    /// <summary>Puts tag <paramref name="tag"/> of its board on card <paramref name="id"/> (Boards › Edit, the board released to the user).</summary>
    public Task<CrmResult<CardChanged>> TagCardAsync(CardId id, long version, TagId tag, CancellationToken cancellationToken = default) =>
        ActAsync("boards.tag_card", id, version, Permission.Edit, (c, work) => c.Card.AddTag(c.Board, tag, work.User, work.Clock), cancellationToken);

    /// <summary>Takes tag <paramref name="tag"/> off card <paramref name="id"/> (Boards › Edit, the board released to the user).</summary>
    public Task<CrmResult<CardChanged>> UntagCardAsync(CardId id, long version, TagId tag, CancellationToken cancellationToken = default) =>
        ActAsync("boards.untag_card", id, version, Permission.Edit, (c, work) => c.Card.RemoveTag(c.Board, tag, work.User, work.Clock), cancellationToken);

    /// <summary>The user's filters on board <paramref name="board"/>: the one in use and the saved names (Boards › View).</summary>
    public Task<CrmResult<BoardFilters>> FiltersAsync(BoardId board, CancellationToken cancellationToken = default) =>
        _session.RunAsync("boards.filters", Module.Boards, Permission.View, async work =>
        {
            var found = await BoardAsync(work, board, Permission.View).ConfigureAwait(false);
            return found.Succeeded
                ? Filters(await new DatabaseBoardFilters(work.Db).OfAsync(work.User, board, work.Cancellation).ConfigureAwait(false))
                : found.Failure<BoardFilters>();
        }, cancellationToken);

    /// <summary>Puts <paramref name="filter"/> in use on board <paramref name="board"/> and saves it as <paramref name="name"/>, replacing one of that name (Boards › Filter).</summary>
    public Task<CrmResult<BoardFilters>> SaveFilterAsync(BoardId board, string name, CardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ChangeFiltersAsync("boards.save_filter", board, preferences =>
        {
            preferences.Use(filter);
            return preferences.Save(name).Problems;
        }, cancellationToken);
    }

    /// <summary>Puts the saved filter <paramref name="name"/> in use on board <paramref name="board"/> (Boards › Filter).</summary>
    public Task<CrmResult<BoardFilters>> UseFilterAsync(BoardId board, string name, CancellationToken cancellationToken = default) =>
        ChangeFiltersAsync("boards.use_filter", board, preferences => preferences.Load(name).Problems, cancellationToken);

    /// <summary>Deletes the saved filter <paramref name="name"/> of board <paramref name="board"/> (Boards › Filter).</summary>
    public Task<CrmResult<BoardFilters>> DeleteFilterAsync(BoardId board, string name, CancellationToken cancellationToken = default) =>
        ChangeFiltersAsync("boards.delete_filter", board, preferences => preferences.Forget(name).Problems, cancellationToken);

    /// <summary>
    /// Board <paramref name="board"/> through the user's filter in use (Boards › View): per stage, in order, how many cards
    /// match and the first page of them, the filter applied inside SQL; business dates in <paramref name="zone"/>.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<BoardColumn>>> ColumnsAsync(BoardId board, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return _session.RunAsync("boards.columns", Module.Boards, Permission.View, async work =>
        {
            var found = await BoardAsync(work, board, Permission.View).ConfigureAwait(false);
            if (!found.TryPickT0(out var stored, out _))
                return found.Failure<IReadOnlyList<BoardColumn>>();
            var filters = new DatabaseBoardFilters(work.Db);
            var preferences = await filters.OfAsync(work.User, board, work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<BoardColumn>>.Of(await filters.ColumnsAsync(preferences, stored, zone, work.Clock.GetCurrentInstant(),
                work.Cancellation).ConfigureAwait(false));
        }, cancellationToken);
    }

    private static BoardFilters Filters(BoardFilterPreferences preferences) =>
        new(preferences.Board, preferences.Current, [.. preferences.Saved.Keys.Order(StringComparer.Ordinal)]);

    private static BoardSaved Saved<TChange>(Board board, TChange change, long version) => new(board.Id, [.. board.Stages.Select(s => s.Id)], version);

    // Loads the board (released to the user), applies the change and saves it; the success is made from the board, what
    // the change returned and the board's new version.
    private Task<CrmResult<T>> EditBoardAsync<TChange, T>(string useCase, BoardId id, Func<Board, UnitOfWork, Task<Outcome<TChange>>> change,
        Func<Board, TChange, long, T> success, CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Boards, Permission.Edit, async work =>
        {
            var found = await BoardAsync(work, id, Permission.Edit).ConfigureAwait(false);
            if (!found.TryPickT0(out var board, out _))
                return found.Failure<T>();
            var changed = await change(board, work).ConfigureAwait(false);
            return changed.TryPickT0(out var done, out var invalid)
                ? await work.SaveAsync(board, version => success(board, done, version)).ConfigureAwait(false)
                : invalid;
        }, cancellationToken);

    // Loads the user's preferences on the board (released to the user), applies the change and keeps them.
    private Task<CrmResult<BoardFilters>> ChangeFiltersAsync(string useCase, BoardId id, Func<BoardFilterPreferences, IReadOnlyList<Problem>> change,
        CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Boards, Permission.Filter, async work =>
        {
            var found = await BoardAsync(work, id, Permission.Filter).ConfigureAwait(false);
            if (!found.Succeeded)
                return found.Failure<BoardFilters>();
            var filters = new DatabaseBoardFilters(work.Db);
            var preferences = await filters.OfAsync(work.User, id, work.Cancellation).ConfigureAwait(false);
            if (change(preferences) is { Count: > 0 } problems)
                return new Invalid(problems);
            filters.Keep(preferences);
            return await work.SaveAsync(Filters(preferences)).ConfigureAwait(false);
        }, cancellationToken);
}

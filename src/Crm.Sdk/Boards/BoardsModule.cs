using Crm.Connectors.Mail;
using Crm.Domain.Access;
using Crm.Domain.Accounts.Leads;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Tasks;
using Crm.Persistence.Access;
using Crm.Persistence.Boards;
using Crm.Sdk.Accounts;
using Crm.Sdk.Engine;
using Crm.Sdk.Notifications;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Boards;

/// <summary>
/// Kanban boards of prospect cards (module <see cref="Module.Boards"/>). A card is visible when its board is released to
/// one of the owners of the user's scope (the user, a Coordenador's team) or the user's reach is All (Diretor, Admin);
/// otherwise it is <see cref="NotFound"/>. Acting on a board or its cards needs the board released to the user itself (or
/// reach All): otherwise <see cref="Denied"/> with <see cref="Denied.BoardCode"/>. Every
/// card action saves the card and applies its effect in the same transaction: converting to customer converts the prospect
/// lead into an account (as a lead conversion: Leads › Edit and Accounts › Include), deleting with the
/// prospect deletes the lead and its contacts (Leads › Delete). Moving a card tells its seller (and the seller's manager) by
/// e-mail, adding a task tells its assignee (and the assignee's manager), staged in the same transaction; the actor never.
/// </summary>
public sealed partial class BoardsModule
{
    /// <summary>The code of a task assignee, member or seller who is not a user of the tenant.</summary>
    public const string UserUnknownCode = "card.user_unknown";

    private readonly CrmSession _session;

    internal BoardsModule(CrmSession session) => _session = session;

    /// <summary>Creates a board released to the user, with <paramref name="stages"/> in order (Boards › Include).</summary>
    public Task<CrmResult<BoardSaved>> CreateAsync(string name, BoardScope scope, Colour colour, IReadOnlyList<string> stages,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(stages);
        return _session.RunAsync("boards.create", Module.Boards, Permission.Include, async work =>
        {
            if (!Board.Create(work.Tenant, name, scope, colour, work.User, work.Clock).TryPickT0(out var board, out var invalid))
                return invalid;
            var problems = stages.SelectMany(s => board.AddStage(s, null, null, work.User, work.Clock).Problems).ToList();
            if (problems.Count > 0)
                return new Invalid(problems);
            work.Db.Boards.Add(board);
            return await work.SaveAsync(board, version => new BoardSaved(board.Id, [.. board.Stages.Select(s => s.Id)], version)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Releases board <paramref name="id"/> to <paramref name="user"/> (Boards › Edit; the board released to the acting user).</summary>
    public Task<CrmResult<BoardSaved>> ReleaseAsync(BoardId id, UserId user, CancellationToken cancellationToken = default) =>
        _session.RunAsync("boards.release", Module.Boards, Permission.Edit, async work =>
        {
            var found = await BoardAsync(work, id, Permission.Edit).ConfigureAwait(false);
            if (!found.TryPickT0(out var board, out _))
                return found.Failure<BoardSaved>();
            if (!await work.Db.Users.AnyAsync(u => u.Id == user, work.Cancellation).ConfigureAwait(false))
                return new NotFound("user", user.Value);
            return board.Release(user, work.User, work.Clock).TryPickT1(out var invalid, out _)
                ? invalid
                : await work.SaveAsync(board, version => new BoardSaved(id, [.. board.Stages.Select(s => s.Id)], version)).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Opens a card for prospect <paramref name="prospect"/> (a lead the user sees) in <paramref name="stage"/> of board
    /// <paramref name="board"/> (Boards › Include); a prospect already on a card of any board is <see cref="Invalid"/>.
    /// </summary>
    public Task<CrmResult<CardChanged>> OpenCardAsync(BoardId board, BoardStageId stage, string name, LeadId prospect, UserId? seller = null,
        CancellationToken cancellationToken = default) =>
        _session.RunAsync("boards.open_card", Module.Boards, Permission.Include, async work =>
        {
            var found = await BoardAsync(work, board, Permission.Include).ConfigureAwait(false);
            if (!found.TryPickT0(out var stored, out _))
                return found.Failure<CardChanged>();
            if (await LeadsModule.FindAsync(work, prospect).ConfigureAwait(false) is not { } lead)
                return new NotFound("lead", prospect.Value);
            var link = new ProspectLink(prospect, lead.History.Entries.Count > 0 ? lead.History.Entries[0].At : work.Clock.GetCurrentInstant());
            if (!Card.Open(stored, stage, name, link, seller, null, new DatabaseProspectCards(work.Db), work.User, work.Clock).TryPickT0(out var card, out var invalid))
                return invalid;
            work.Db.Cards.Add(card);
            return await work.SaveAsync(card, version => new CardChanged(card.Id, version, null)).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Card <paramref name="id"/> with its stored version (Boards › View; its board released to the user).</summary>
    public Task<CrmResult<CardRead>> GetCardAsync(CardId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("boards.get_card", Module.Boards, Permission.View, async work =>
        {
            var found = await CardAsync(work, id, Permission.View).ConfigureAwait(false);
            return found.TryPickT0(out var card, out _) ? new CardRead(card.Card, work.VersionOf(card.Card)) : found.Failure<CardRead>();
        }, cancellationToken);

    /// <summary>Moves card <paramref name="id"/> to <paramref name="stage"/> of its board (Boards › Edit).</summary>
    public Task<CrmResult<CardChanged>> MoveCardAsync(CardId id, long version, BoardStageId stage, CancellationToken cancellationToken = default) =>
        ActAsync("boards.move_card", id, version, Permission.Edit, (c, work) => c.Card.MoveTo(c.Board, stage, work.User, work.Clock), cancellationToken);

    /// <summary>Renames card <paramref name="id"/> (Boards › Edit, the board released to the user); the change is in its history.</summary>
    public Task<CrmResult<CardChanged>> RenameCardAsync(CardId id, long version, string name, CancellationToken cancellationToken = default) =>
        ActAsync("boards.rename_card", id, version, Permission.Edit, (c, work) => c.Card.Rename(name, work.User, work.Clock), cancellationToken);

    /// <summary>Replaces card <paramref name="id"/>'s description, blank clears it (Boards › Edit, the board released to the user).</summary>
    public Task<CrmResult<CardChanged>> DescribeCardAsync(CardId id, long version, string? description, CancellationToken cancellationToken = default) =>
        ActAsync("boards.describe_card", id, version, Permission.Edit, (c, work) => c.Card.Describe(description, work.User, work.Clock), cancellationToken);

    /// <summary>Adds the user's internal comment to card <paramref name="id"/> (Boards › Edit, the board released to the user).</summary>
    public Task<CrmResult<CardChanged>> CommentCardAsync(CardId id, long version, string text, CancellationToken cancellationToken = default) =>
        ActAsync("boards.comment_card", id, version, Permission.Edit, (c, work) => c.Card.AddComment(text, work.User, work.Clock), cancellationToken);

    /// <summary>
    /// Adds a task for <paramref name="assignee"/> (a user of the tenant) due on <paramref name="due"/> to card
    /// <paramref name="id"/> (Boards › Edit, the board released to the user); the card's tasks carry its id.
    /// </summary>
    public Task<CrmResult<CardChanged>> AddCardTaskAsync(CardId id, long version, string title, LocalDate due, UserId assignee,
        CancellationToken cancellationToken = default) =>
        ActAsync("boards.add_card_task", id, version, Permission.Edit, (c, work) =>
            UnknownUser(work, assignee, "assignee") is { } unknown ? unknown : c.Card.AddTask(title, due, assignee, work.User, work.Clock),
            cancellationToken);

    /// <summary>Links <paramref name="member"/> (a user of the tenant) to card <paramref name="id"/> (Boards › Edit, the board released to the user).</summary>
    public Task<CrmResult<CardChanged>> AddCardMemberAsync(CardId id, long version, UserId member, CancellationToken cancellationToken = default) =>
        ActAsync("boards.add_card_member", id, version, Permission.Edit, (c, work) =>
            UnknownUser(work, member, "member") is { } unknown ? unknown : c.Card.AddMember(member, work.User, work.Clock),
            cancellationToken);

    /// <summary>Unlinks member <paramref name="member"/> from card <paramref name="id"/> (Boards › Edit, the board released to the user).</summary>
    public Task<CrmResult<CardChanged>> RemoveCardMemberAsync(CardId id, long version, UserId member, CancellationToken cancellationToken = default) =>
        ActAsync("boards.remove_card_member", id, version, Permission.Edit, (c, work) => c.Card.RemoveMember(member, work.User, work.Clock), cancellationToken);

    /// <summary>
    /// Sets card <paramref name="id"/>'s salesperson to <paramref name="seller"/> (a user of the tenant), or clears it with null
    /// (Boards › Edit, the board released to the user).
    /// </summary>
    public Task<CrmResult<CardChanged>> AssignCardSellerAsync(CardId id, long version, UserId? seller, CancellationToken cancellationToken = default) =>
        ActAsync("boards.assign_card_seller", id, version, Permission.Edit, (c, work) =>
            seller is { } user && UnknownUser(work, user, "seller") is { } unknown ? unknown : c.Card.AssignSeller(seller, work.User, work.Clock),
            cancellationToken);

    /// <summary>Marks task <paramref name="task"/> of card <paramref name="id"/> done (Boards › Edit, the board released to the user).</summary>
    public Task<CrmResult<CardChanged>> CompleteCardTaskAsync(CardId id, long version, TaskId task, CancellationToken cancellationToken = default) =>
        ActAsync("boards.complete_card_task", id, version, Permission.Edit,
            (c, work) => c.Card.ChangeTask(task, new TaskChange.Complete(), work.User, work.Clock), cancellationToken);

    /// <summary>Archives card <paramref name="id"/> (Boards › Edit).</summary>
    public Task<CrmResult<CardChanged>> ArchiveCardAsync(CardId id, long version, CancellationToken cancellationToken = default) =>
        ActAsync("boards.archive_card", id, version, Permission.Edit, (c, work) => c.Card.Archive(work.User, work.Clock), cancellationToken);

    /// <summary>Takes card <paramref name="id"/> out of the archive (Boards › Edit).</summary>
    public Task<CrmResult<CardChanged>> RestoreCardAsync(CardId id, long version, CancellationToken cancellationToken = default) =>
        ActAsync("boards.restore_card", id, version, Permission.Edit, (c, work) => c.Card.Restore(work.User, work.Clock), cancellationToken);

    /// <summary>Marks card <paramref name="id"/> lost, optionally with the reason (Boards › Edit).</summary>
    public Task<CrmResult<CardChanged>> LoseCardAsync(CardId id, long version, string? reason, CancellationToken cancellationToken = default) =>
        ActAsync("boards.lose_card", id, version, Permission.Edit, (c, work) => c.Card.MarkLost(reason, work.User, work.Clock), cancellationToken);

    /// <summary>
    /// "Converter para Cliente": marks card <paramref name="id"/> converted and converts its prospect into an account, as
    /// <paramref name="accountForm"/> completes it (the lead's own data when null), in one transaction (Boards › Edit, Leads › Edit, Accounts › Include).
    /// </summary>
    public Task<CrmResult<CardChanged>> ConvertToCustomerAsync(CardId id, long version, RegistrationForm? accountForm = null,
        CancellationToken cancellationToken = default) =>
        ActAsync("boards.convert_to_customer", id, version, Permission.Edit, (c, work) => c.Card.ConvertToCustomer(work.User, work.Clock),
            cancellationToken, new ConversionRequest(accountForm));

    /// <summary>
    /// "Converter para Serviço do Cliente": marks card <paramref name="id"/> converted to customer service; a prospect not
    /// yet a customer is converted into an account with <paramref name="service"/> in the same transaction (Boards › Edit,
    /// Leads › Edit, Accounts › Include). For a prospect already converted, the service is not stored (no service module yet).
    /// </summary>
    public Task<CrmResult<CardChanged>> ConvertToCustomerServiceAsync(CardId id, long version, CustomerServiceRequest service,
        RegistrationForm? accountForm = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ActAsync("boards.convert_to_customer_service", id, version, Permission.Edit,
            (c, work) => c.Card.ConvertToCustomerService(work.User, work.Clock), cancellationToken,
            new ConversionRequest(accountForm, ConversionTarget.CustomerWithService, service));
    }

    /// <summary>
    /// Deletes card <paramref name="id"/> (Boards › Delete); with <paramref name="deleteProspect"/> its prospect lead and the
    /// lead's contacts are deleted in the same transaction (Leads › Delete; a converted lead is kept and refused as Invalid).
    /// </summary>
    public Task<CrmResult<CardChanged>> DeleteCardAsync(CardId id, long version, bool deleteProspect, CancellationToken cancellationToken = default) =>
        ActAsync("boards.delete_card", id, version, Permission.Delete, (c, work) => c.Card.Delete(deleteProspect, work.User, work.Clock), cancellationToken);

    // Loads the card and its board (released to the user), applies the action, then its effect, and saves all at once.
    // An action that is an event (CardEvent) or a content edit (its history entry: no event).
    private Task<CrmResult<CardChanged>> ActAsync<TChange>(string useCase, CardId id, long version, Permission action,
        Func<(Card Card, Board Board), UnitOfWork, Outcome<TChange>> act, CancellationToken cancellationToken, ConversionRequest? conversion = null) =>
        _session.RunAsync(useCase, Module.Boards, action, async work =>
        {
            var found = await CardAsync(work, id, action).ConfigureAwait(false);
            if (!found.TryPickT0(out var card, out _))
                return found.Failure<CardChanged>();
            if (!act(card, work).TryPickT0(out var happened, out var invalid))
                return invalid;
            work.Expect(card.Card, version);
            if (Notice(card.Card, card.Board, happened) is { } notice)
                await work.NotifyAsync(notice).ConfigureAwait(false);
            return happened switch
            {
                CardEvent.ConvertedToCustomer converted => await ConvertAsync(work, card.Card, converted, converted.Prospect, conversion!).ConfigureAwait(false),
                CardEvent.ConvertedToCustomerService { AlsoToCustomer: true } converted =>
                    await ConvertAsync(work, card.Card, converted, converted.Prospect, conversion!).ConfigureAwait(false),
                CardEvent.Deleted { DeleteProspect: true, Prospect: { } prospect } deleted => await DeleteProspectAsync(work, card.Card, deleted, prospect).ConfigureAwait(false),
                _ => await work.SaveAsync(card.Card, saved => new CardChanged(id, saved, happened as CardEvent)).ConfigureAwait(false),
            };
        }, cancellationToken);

    /// <summary>
    /// What users are told of a card action: a card moved to another stage (its seller and the seller's manager), a task
    /// added to a card (its assignee and the assignee's manager); the actor never. Other actions notify nobody.
    /// </summary>
    private static MovementNotice? Notice<TChange>(Card card, Board board, TChange happened) => happened switch
    {
        CardEvent.Moved moved when card.Seller is { } seller => new MovementNotice(MovementSubject.Card, card.Id.Value.ToString(), card.Name,
            MovementKind.StageChanged, $"Quadro {board.Name}, etapa: {board.FindStage(moved.To)?.Name}", seller, null, null),
        SalesTask task => new MovementNotice(MovementSubject.Task, task.Id.Value.ToString(), task.Title, MovementKind.Assigned,
            $"Cartão {card.Name}, prazo {NoticeFormats.Day.Format(task.Due)}", task.Assignee, null, null),
        _ => null,
    };

    private static async Task<CrmResult<CardChanged>> ConvertAsync(UnitOfWork work, Card card, CardEvent happened, LeadId prospect, ConversionRequest request)
    {
        var converted = await LeadsModule.ConvertAsync(work, prospect, request).ConfigureAwait(false);
        return converted.TryPickT0(out var done, out _)
            ? new CardChanged(card.Id, work.VersionOf(card), happened, done.Account, done.Service)
            : converted.Failure<CardChanged>();
    }

    private static async Task<CrmResult<CardChanged>> DeleteProspectAsync(UnitOfWork work, Card card, CardEvent happened, LeadId prospect)
    {
        if (work.Access.Check(Module.Leads, Permission.Access | Permission.Delete) is { } denied)
            return denied;
        if (await LeadsModule.FindAsync(work, prospect).ConfigureAwait(false) is not { } lead)
            return new NotFound("lead", prospect.Value);
        if (lead.Status != Crm.Domain.Accounts.LeadStatus.Open)
            return new Invalid(new Problem("prospect", "lead.delete.converted", $"O prospecto já foi convertido na conta {lead.ConvertedTo?.Value} e não pode ser excluído."));
        RegistrationRef owner = prospect;
        work.Db.Contacts.RemoveRange(await work.Db.Contacts.Where(c => c.Owner == owner).ToListAsync(work.Cancellation).ConfigureAwait(false));
        work.Db.Leads.Remove(lead);
        return await work.SaveAsync(card, saved => new CardChanged(card.Id, saved, happened, ProspectDeleted: prospect)).ConfigureAwait(false);
    }

    // The board, tracked, when it exists and is released to the user (or the user's reach is All: Diretor, Admin).
    private static async Task<CrmResult<Board>> BoardAsync(UnitOfWork work, BoardId id, Permission action)
    {
        if (await work.Db.Boards.SingleOrDefaultAsync(b => b.Id == id, work.Cancellation).ConfigureAwait(false) is not { } board)
            return new NotFound("board", id.Value);
        return Released(work, board, action) ?? CrmResult<Board>.Of(board);
    }

    // The card, tracked, when the user sees it (its board released to one of the scope's owners, or reach All); reading
    // needs no more, changing needs the board released to the user itself.
    private static async Task<CrmResult<(Card Card, Board Board)>> CardAsync(UnitOfWork work, CardId id, Permission action)
    {
        if (await work.Db.Cards.VisibleTo(work.Access.Scope!, work.Db).SingleOrDefaultAsync(c => c.Id == id, work.Cancellation).ConfigureAwait(false) is not { } card)
            return new NotFound("card", id.Value);
        var board = await work.Db.Boards.SingleAsync(b => b.Id == card.Board, work.Cancellation).ConfigureAwait(false);
        return (action == Permission.View ? null : Released(work, board, action)) ?? CrmResult<(Card, Board)>.Of((card, board));
    }

    // A user a card refers to must be a user of the tenant (the context sees the tenant's users only).
    private static Invalid? UnknownUser(UnitOfWork work, UserId user, string field) =>
        work.Db.Users.Any(u => u.Id == user) ? null
            : new Invalid([new Problem(field, UserUnknownCode, "O usuário informado não é um usuário deste tenant.")]);

    private static Denied? Released(UnitOfWork work, Board board, Permission action) =>
        board.IsReleasedTo(work.User) || work.Access.Reach >= DataReach.All
            ? null
            : new Denied(Module.Boards, action, Denied.BoardCode, $"O CRM '{board.Name}' não foi liberado para você.");
}

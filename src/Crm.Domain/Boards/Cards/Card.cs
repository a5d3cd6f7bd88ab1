using Crm.Domain.Accounts.History;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Content;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Tasks;
using Crm.Domain.Texts;
using NodaTime;
using OneOf;

namespace Crm.Domain.Boards.Cards;

/// <summary>
/// A prospect card on a board (seed 004): one prospect, one stage, the shared content (description, tags,
/// members, comments, attachments), a seller, tasks, and its state — archived, lost, converted to customer,
/// converted to customer service, deleted — kept as the instant each happened, so that filters translate
/// to plain column tests. Archived and deleted cards refuse edits; every edit and action is in the history
/// and counts as an update for stagnation (task changes included: working a task is working the card).
/// </summary>
public sealed class Card : CardContent
{
    private readonly List<SalesTask> _tasks = [];

    private Card(CardId id, TenantId tenant, BoardId board, BoardStageId stage, string name, ProspectLink prospect, UserId? seller, Instant now)
        : base(board, now)
    {
        Id = id;
        Tenant = tenant;
        Stage = stage;
        Name = name;
        Prospect = prospect.Prospect;
        ProspectRegisteredAt = prospect.RegisteredAt;
        Seller = seller;
        CreatedAt = now;
    }

    /// <summary>The card's id.</summary>
    public CardId Id { get; }

    /// <summary>The tenant that owns it.</summary>
    public TenantId Tenant { get; }

    /// <summary>The stage it is in.</summary>
    public BoardStageId Stage { get; private set; }

    /// <summary>Its name.</summary>
    public string Name { get; private set; }

    /// <summary>The linked prospect; null once the card is deleted (the link is always removed).</summary>
    public LeadId? Prospect { get; private set; }

    /// <summary>When the prospect was registered ("Data de Cadastro Prospecto").</summary>
    public Instant ProspectRegisteredAt { get; }

    /// <summary>When the card was created ("Data de Cadastro Cartão").</summary>
    public Instant CreatedAt { get; }

    /// <summary>The salesperson (<i>vendedor</i>) responsible for it.</summary>
    public UserId? Seller { get; private set; }

    /// <summary>When it was archived; null when not.</summary>
    public Instant? ArchivedAt { get; private set; }

    /// <summary>When it was marked lost; null when not.</summary>
    public Instant? LostAt { get; private set; }

    /// <summary>Why it was lost, if given.</summary>
    public string? LostReason { get; private set; }

    /// <summary>When it was converted to a customer; null when not.</summary>
    public Instant? ConvertedToCustomerAt { get; private set; }

    /// <summary>When it was converted to a customer service; null when not.</summary>
    public Instant? ConvertedToServiceAt { get; private set; }

    /// <summary>When it was deleted; null while it exists.</summary>
    public Instant? DeletedAt { get; private set; }

    /// <summary>The tasks on the card.</summary>
    public IReadOnlyList<SalesTask> Tasks => _tasks;

    /// <summary>
    /// True when the card has a task ("Tarefas": done or not, they count). Kept by the task operations, so filters
    /// test a plain column instead of the stored task list.
    /// </summary>
    public bool HasTasks { get; private set; }

    /// <summary>True while the card is still being worked: not archived, lost, converted or deleted. Only open cards stagnate.</summary>
    public bool IsOpen => ArchivedAt is null && LostAt is null && ConvertedToCustomerAt is null && ConvertedToServiceAt is null && DeletedAt is null;

    /// <summary>True when open and not updated for more than its stage's stagnant days at <paramref name="now"/>.</summary>
    /// <param name="board">The card's board.</param>
    /// <param name="now">The instant to judge by.</param>
    public bool IsStagnant(Board board, Instant now)
    {
        ArgumentNullException.ThrowIfNull(board);
        return IsOpen && Stagnation.IsStagnant(UpdatedAt, board.FindStage(Stage)?.StagnantDays, now);
    }

    /// <summary>
    /// Opens a card for a prospect in a stage of <paramref name="board"/>, applying <paramref name="baseCard"/>
    /// (the one chosen, or the board's default), or returns every problem — including a prospect that already
    /// has a card on any board of the tenant.
    /// </summary>
    /// <param name="board">The board.</param>
    /// <param name="stage">The stage ("+ Adicionar Cartão" on that stage).</param>
    /// <param name="name">The card name.</param>
    /// <param name="prospect">The prospect and its registration instant.</param>
    /// <param name="seller">The salesperson, if any.</param>
    /// <param name="baseCard">The template to apply, if any.</param>
    /// <param name="cards">Which prospects already have a card.</param>
    /// <param name="actor">Who opens it.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<Card> Open(Board board, BoardStageId stage, string? name, ProspectLink prospect, UserId? seller,
        BaseCard? baseCard, IProspectCards cards, UserId actor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(prospect);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", CardCodes.NameRequired, "Informe o nome do cartão."));
        problems.Check(name?.Trim(), "name", TextLimits.CardName);
        if (board.FindStage(stage) is null)
            problems.Add(new("stage", CardCodes.StageUnknown, "Etapa não encontrada neste CRM."));
        if (cards.CardOf(prospect.Prospect) is not null)
            problems.Add(new("prospect", CardCodes.ProspectHasCard, "Este prospecto já tem um cartão; cada prospecto tem um único cartão."));
        if (baseCard is not null && baseCard.Board != board.Id)
            problems.Add(new("base_card", CardCodes.BaseCardMismatch, "O cartão base é de outro CRM."));
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = clock.GetCurrentInstant();
        var card = new Card(CardId.New(), board.Tenant, board.Id, stage, name!.Trim(), prospect, seller, now);
        card.Record(actor, now, "created", null, card.Name);
        if (baseCard is not null)
        {
            card.CopyFrom(baseCard);
            card.Record(actor, now, "base_card", null, baseCard.Name);
        }
        return card;
    }

    /// <summary>Renames the card.</summary>
    /// <param name="name">The new name.</param>
    /// <param name="actor">Who renames it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Rename(string? name, UserId actor, IClock clock)
    {
        var problems = CheckName(name, new Problem("name", CardCodes.NameRequired, "Informe o nome do cartão."));
        return EditChecked(actor, clock, problems.Items, "name", Name, name?.Trim(), _ => Name = name!.Trim());
    }

    /// <summary>Sets or clears the salesperson.</summary>
    /// <param name="seller">The salesperson, or null.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> AssignSeller(UserId? seller, UserId actor, IClock clock) =>
        Edit(actor, clock, null, "seller", Seller?.Value.ToString(), seller?.Value.ToString(), _ => Seller = seller);

    /// <summary>Moves the card to another stage of its board.</summary>
    /// <param name="board">The card's board.</param>
    /// <param name="stage">The target stage.</param>
    /// <param name="actor">Who moves it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CardEvent> MoveTo(Board board, BoardStageId stage, UserId actor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(board);
        var from = Stage;
        var target = board.Id == Board ? board.FindStage(stage) : null;
        var problem = target is null ? new Problem("stage", CardCodes.StageUnknown, "Etapa não encontrada neste CRM.")
            : stage == Stage ? new Problem("stage", CardCodes.StageSame, $"O cartão já está na etapa '{target.Name}'.")
            : null;
        return Edit(actor, clock, problem, "stage", board.FindStage(from)?.Name, target?.Name, _ => Stage = stage)
            .Map(entry => (CardEvent)new CardEvent.Moved(Id, entry.At, from, stage));
    }

    /// <summary>Archives the card.</summary>
    /// <param name="actor">Who archives it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CardEvent> Archive(UserId actor, IClock clock) =>
        Edit(actor, clock, null, "archived", null, "sim", now => ArchivedAt = now)
            .Map(entry => (CardEvent)new CardEvent.Archived(Id, entry.At));

    /// <summary>Takes the card out of the archive.</summary>
    /// <param name="actor">Who restores it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CardEvent> Restore(UserId actor, IClock clock) =>
        Act(actor, clock, [DeletedProblem, ArchivedAt is null ? new("card", CardCodes.NotArchived, "O cartão não está arquivado.") : null],
            "archived", "sim", null, now =>
            {
                ArchivedAt = null;
                return new CardEvent.Restored(Id, now);
            });

    /// <summary>Marks the card lost; a converted card cannot be lost.</summary>
    /// <param name="reason">Why, optionally.</param>
    /// <param name="actor">Who marks it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CardEvent> MarkLost(string? reason, UserId actor, IClock clock)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var problems = new ProblemCollector();
        if (Conflict(lost: true, customer: true, service: true) is { } conflict)
            problems.Add(conflict);
        problems.CheckCharacters(text, "reason", multiLine: true);
        return EditChecked(actor, clock, problems.Items, "lost", null, text ?? "sim", now =>
            {
                LostAt = now;
                LostReason = text;
            })
            .Map(entry => (CardEvent)new CardEvent.MarkedLost(Id, entry.At, text));
    }

    /// <summary>Converts the card's prospect to a customer ("Converter para Cliente").</summary>
    /// <param name="actor">Who converts it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CardEvent> ConvertToCustomer(UserId actor, IClock clock) =>
        Edit(actor, clock, Conflict(lost: true, customer: true, service: false), "converted_to_customer", null, "sim", now => ConvertedToCustomerAt = now)
            .Map(entry => (CardEvent)new CardEvent.ConvertedToCustomer(Id, entry.At, Prospect!.Value));

    /// <summary>
    /// Converts the card's prospect to a customer service ("Converter para Serviço do Cliente"); a service needs a
    /// customer, so a prospect not yet converted becomes a customer by the same action.
    /// </summary>
    /// <param name="actor">Who converts it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CardEvent> ConvertToCustomerService(UserId actor, IClock clock)
    {
        var alsoToCustomer = ConvertedToCustomerAt is null;
        return Edit(actor, clock, Conflict(lost: true, customer: false, service: true), "converted_to_customer_service", null, "sim", now =>
            {
                ConvertedToServiceAt = now;
                ConvertedToCustomerAt ??= now;
            })
            .Map(entry => (CardEvent)new CardEvent.ConvertedToCustomerService(Id, entry.At, Prospect!.Value, alsoToCustomer));
    }

    /// <summary>
    /// Deletes the card (archived or not). With <paramref name="deleteProspect"/> the prospect is to be deleted too;
    /// either way the link is removed, so the prospect may get a new card.
    /// </summary>
    /// <param name="deleteProspect">"Apagar Prospecto Vinculado no Cartão".</param>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CardEvent> Delete(bool deleteProspect, UserId actor, IClock clock) =>
        Act(actor, clock, [DeletedProblem], "deleted", null, deleteProspect ? "sim, com o prospecto" : "sim", now =>
        {
            var prospect = Prospect;
            DeletedAt = now;
            Prospect = null;
            return new CardEvent.Deleted(Id, now, prospect, deleteProspect);
        });

    /// <summary>Adds a task to the card (an update: it resets stagnation).</summary>
    /// <param name="title">What has to be done.</param>
    /// <param name="due">The due date.</param>
    /// <param name="assignee">Who has to do it.</param>
    /// <param name="actor">Who adds it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<SalesTask> AddTask(string? title, LocalDate due, UserId assignee, UserId actor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var created = SalesTask.Create(title, due, assignee, clock.GetCurrentInstant());
        if (!created.TryPickT0(out var task, out var invalid))
            return invalid;
        return Edit(actor, clock, null, "tasks", null, task.Title, _ =>
        {
            _tasks.Add(task);
            HasTasks = true;
        }).Map(_ => task);
    }

    /// <summary>Completes, reopens, reassigns, reschedules or removes a task of the card (an update: it resets stagnation).</summary>
    /// <param name="task">The task.</param>
    /// <param name="change">The change.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<SalesTask> ChangeTask(TaskId task, TaskChange change, UserId actor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Locked is { } locked)
            return new Invalid(locked);
        var now = clock.GetCurrentInstant();
        var changed = TaskList.Apply(_tasks, task, change, now);
        HasTasks = _tasks.Count > 0;
        if (changed.TryPickT0(out var done, out _))
            Record(actor, now, "tasks", done.Title, change.GetType().Name.ToLowerInvariant());
        return changed;
    }

    /// <inheritdoc />
    protected override Problem? Locked => DeletedProblem
        ?? (ArchivedAt is not null ? new Problem("card", CardCodes.Archived, "O cartão está arquivado; restaure-o antes.") : null);

    private Problem? DeletedProblem => DeletedAt is not null ? new Problem("card", CardCodes.Deleted, "O cartão foi excluído.") : null;

    private Problem? Conflict(bool lost, bool customer, bool service) =>
        lost && LostAt is not null ? new Problem("card", CardCodes.Lost, "O cartão está marcado como perdido.")
        : customer && ConvertedToCustomerAt is not null ? new Problem("card", CardCodes.ConvertedToCustomer, "O cartão já foi convertido para cliente.")
        : service && ConvertedToServiceAt is not null ? new Problem("card", CardCodes.ConvertedToService, "O cartão já foi convertido para serviço do cliente.")
        : null;

    private Outcome<CardEvent> Act(UserId actor, IClock clock, Problem?[] checks, string field, string? before, string? after, Func<Instant, CardEvent> apply)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        problems.AddRange(checks.OfType<Problem>());
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = clock.GetCurrentInstant();
        var happened = apply(now);
        Record(actor, now, field, before, after);
        return happened;
    }
}

using System.Globalization;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;

namespace Crm.Domain.Service.Occurrences;

/// <summary>
/// A customer service case (<i>ocorrência</i>, <i>atendimento</i>; seeds 001, 002, 003): who called, through which
/// channel, why, about which product, who answers it and how urgent it is. It goes open → answered → closed; the
/// response time runs from opening to answer and is judged against the target of its reason, taken when the reason
/// is given, so reconfiguring a reason later does not rejudge past cases. Every change is in <see cref="History"/>.
/// </summary>
public sealed class Occurrence
{
    private readonly List<HistoryEntry> _history = [];

    private Occurrence(OccurrenceId id, TenantId tenant, UserId openedBy, Instant openedAt)
    {
        Id = id;
        Tenant = tenant;
        OpenedBy = openedBy;
        OpenedAt = openedAt;
    }

    /// <summary>The occurrence's id.</summary>
    public OccurrenceId Id { get; }

    /// <summary>The tenant that owns it.</summary>
    public TenantId Tenant { get; }

    /// <summary>Who registered it.</summary>
    public UserId OpenedBy { get; }

    /// <summary>When it was registered; its response time starts here.</summary>
    public Instant OpenedAt { get; }

    /// <summary>The customer's account.</summary>
    public AccountId Account { get; private set; }

    /// <summary>The contact person, when known.</summary>
    public ContactId? Contact { get; private set; }

    /// <summary>How the customer reached the company.</summary>
    public ServiceChannel Channel { get; private set; }

    /// <summary>The code of its reason.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>The response-time target of its reason when the reason was given.</summary>
    public Duration ResponseTarget { get; private set; }

    /// <summary>Whether its reason was a complaint when the reason was given.</summary>
    public bool IsComplaint { get; private set; }

    /// <summary>The product or service code it is about.</summary>
    public string? Product { get; private set; }

    /// <summary>The user responsible for answering it; null while in nobody's queue.</summary>
    public UserId? Attendant { get; private set; }

    /// <summary>How urgent it is.</summary>
    public OccurrencePriority Priority { get; private set; }

    /// <summary>What the customer asked or complained about.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Open, answered or closed.</summary>
    public OccurrenceStatus Status { get; private set; }

    /// <summary>When the customer was answered; null while open.</summary>
    public Instant? AnsweredAt { get; private set; }

    /// <summary>The answer given to the customer; null while open.</summary>
    public string? Answer { get; private set; }

    /// <summary>When it was closed; null until then.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>How it was resolved, when said.</summary>
    public string? Resolution { get; private set; }

    /// <summary>Every change, oldest first: opening, each field revised, answer and closing.</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>When the answer is due: opening plus the reason's target.</summary>
    public Instant ResponseDue => OpenedAt + ResponseTarget;

    /// <summary>From opening to answer; null while unanswered.</summary>
    public Duration? ResponseTime => AnsweredAt - OpenedAt;

    /// <summary>How long the customer waited or has waited so far: the response time once answered, else up to <paramref name="now"/>.</summary>
    /// <param name="now">The instant to measure an open occurrence to.</param>
    public Duration Waiting(Instant now) => ResponseTime ?? (now > OpenedAt ? now - OpenedAt : Duration.Zero);

    /// <summary>
    /// True when the answer came, or has not come by <paramref name="now"/>, later than the reason's target allows.
    /// Once true it stays true for every later instant.
    /// </summary>
    /// <param name="now">The instant to judge an open occurrence by.</param>
    public bool IsBreached(Instant now) => Waiting(now) > ResponseTarget;

    /// <summary>Registers an open occurrence, or returns every problem with the form.</summary>
    /// <param name="id">Its id (minted by the engine).</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="form">The fields.</param>
    /// <param name="settings">The tenant's reasons and mandatory fields.</param>
    /// <param name="by">Who registers it.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<Occurrence> Open(
        OccurrenceId id, TenantId tenant, OccurrenceForm form, OccurrenceSettings settings, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var problems = Check(form, settings, currentReason: null);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = clock.GetCurrentInstant();
        var occurrence = new Occurrence(id, tenant, by, now);
        occurrence.Record(by, now, "status", null, Text(OccurrenceStatus.Open));
        occurrence.Apply(form, settings, by, now, opening: true);
        return occurrence;
    }

    /// <summary>
    /// An occurrence as stored, rebuilt without running the rules again: the fields of <paramref name="fields"/> (the reason
    /// code as stored, whatever the settings say now), its state and its history.
    /// </summary>
    /// <param name="id">Its id.</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="openedBy">Who registered it.</param>
    /// <param name="openedAt">When.</param>
    /// <param name="fields">Account, channel, reason, description, contact, product, attendant and priority as stored.</param>
    /// <param name="responseTarget">The target taken with its reason.</param>
    /// <param name="isComplaint">Whether its reason was a complaint.</param>
    /// <param name="status">Its status.</param>
    /// <param name="answeredAt">When it was answered.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="closedAt">When it was closed.</param>
    /// <param name="resolution">How it was resolved.</param>
    /// <param name="history">Every change, oldest first.</param>
    public static Occurrence Restore(OccurrenceId id, TenantId tenant, UserId openedBy, Instant openedAt, OccurrenceForm fields,
        Duration responseTarget, bool isComplaint, OccurrenceStatus status, Instant? answeredAt, string? answer, Instant? closedAt,
        string? resolution, IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(history);
        var occurrence = new Occurrence(id, tenant, openedBy, openedAt)
        {
            Account = fields.Account,
            Contact = fields.Contact,
            Channel = fields.Channel ?? ServiceChannel.Other,
            Reason = fields.Reason ?? "",
            ResponseTarget = responseTarget,
            IsComplaint = isComplaint,
            Product = fields.Product,
            Attendant = fields.Attendant,
            Priority = fields.Priority ?? OccurrencePriority.Normal,
            Description = fields.Description ?? "",
            Status = status,
            AnsweredAt = answeredAt,
            Answer = answer,
            ClosedAt = closedAt,
            Resolution = resolution,
        };
        occurrence._history.AddRange(history);
        return occurrence;
    }

    /// <summary>
    /// Gives the occurrence to <paramref name="attendant"/> (null: back to nobody's queue), recording the change; an
    /// occurrence not closed can change hands, and giving it to whom already has it changes nothing.
    /// </summary>
    /// <param name="attendant">The user who is to answer it.</param>
    /// <param name="by">Who assigns it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<IReadOnlyList<HistoryEntry>> Assign(UserId? attendant, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Status == OccurrenceStatus.Closed)
            return new Invalid(ClosedProblem());
        if (attendant == Attendant)
            return Outcome<IReadOnlyList<HistoryEntry>>.FromValue([]);
        var before = Attendant;
        Attendant = attendant;
        return Outcome<IReadOnlyList<HistoryEntry>>.FromValue(
            [Record(by, Later(clock.GetCurrentInstant()), "attendant", before?.Value.ToString(), attendant?.Value.ToString())]);
    }

    /// <summary>
    /// Replaces the editable fields of an occurrence that is not closed, recording each field that changed; or returns every
    /// problem. A new reason must be active and brings its response target; keeping the current one keeps its target.
    /// </summary>
    /// <param name="form">The new fields.</param>
    /// <param name="settings">The tenant's reasons and mandatory fields.</param>
    /// <param name="by">Who changes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<IReadOnlyList<HistoryEntry>> Revise(OccurrenceForm form, OccurrenceSettings settings, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Status == OccurrenceStatus.Closed)
            return new Invalid(ClosedProblem());
        var problems = Check(form, settings, Reason);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var before = _history.Count;
        Apply(form, settings, by, Later(clock.GetCurrentInstant()), opening: false);
        return Outcome<IReadOnlyList<HistoryEntry>>.FromValue(_history.Skip(before).ToList());
    }

    /// <summary>Records the answer given to the customer, which stops the response time; only an open occurrence can be answered.</summary>
    /// <param name="answer">What the customer was told.</param>
    /// <param name="by">Who answered.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Respond(string? answer, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        if (Status != OccurrenceStatus.Open)
            problems.Add(Status == OccurrenceStatus.Closed
                ? ClosedProblem()
                : new("status", OccurrenceCodes.NotOpen, "A ocorrência já foi respondida."));
        if (string.IsNullOrWhiteSpace(answer))
            problems.Add(new("answer", OccurrenceCodes.AnswerRequired, "Informe a resposta dada ao cliente."));
        problems.CheckCharacters(answer?.Trim(), "answer", multiLine: true);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = Later(clock.GetCurrentInstant());
        AnsweredAt = now;
        Answer = answer!.Trim();
        Record(by, now, "answer", null, Answer);
        return Move(OccurrenceStatus.Answered, by, now);
    }

    /// <summary>Closes an answered occurrence, optionally saying how it was resolved; after that nothing on it changes.</summary>
    /// <param name="resolution">How it was resolved.</param>
    /// <param name="by">Who closes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Close(string? resolution, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        if (Status == OccurrenceStatus.Closed)
            problems.Add(ClosedProblem());
        else if (Status == OccurrenceStatus.Open)
            problems.Add(new("status", OccurrenceCodes.NotAnswered, "Responda a ocorrência antes de encerrá-la."));
        problems.CheckCharacters(resolution?.Trim(), "resolution", multiLine: true);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var now = Later(clock.GetCurrentInstant());
        ClosedAt = now;
        Resolution = Blank(resolution) ? null : resolution!.Trim();
        if (Resolution is not null)
            Record(by, now, "resolution", null, Resolution);
        return Move(OccurrenceStatus.Closed, by, now);
    }

    private HistoryEntry Move(OccurrenceStatus status, UserId by, Instant now)
    {
        var before = Status;
        Status = status;
        return Record(by, now, "status", Text(before), Text(status));
    }

    private void Apply(OccurrenceForm form, OccurrenceSettings settings, UserId by, Instant now, bool opening)
    {
        void Set(string field, string? before, string? after, Action apply)
        {
            // Opening records every given field; a revision only the fields whose value changes.
            if (opening ? after is null : before == after)
                return;
            apply();
            Record(by, now, field, opening ? null : before, after);
        }

        Set("account", Account.Value.ToString(), form.Account.Value.ToString(), () => Account = form.Account);
        Set("contact", Contact?.Value.ToString(), form.Contact?.Value.ToString(), () => Contact = form.Contact);
        Set("channel", Text(Channel), Text(form.Channel!.Value), () => Channel = form.Channel.Value);
        var reason = form.Reason!.Trim();
        if (!string.Equals(reason, Reason, StringComparison.OrdinalIgnoreCase))
        {
            var target = settings.Find(reason)!;
            Set("reason", Reason, target.Code, () => Reason = target.Code);
            Set("response_target", Text(ResponseTarget), Text(target.ResponseTarget), () => ResponseTarget = target.ResponseTarget);
            IsComplaint = target.IsComplaint;
        }
        var product = Blank(form.Product) ? null : form.Product!.Trim();
        Set("product", Product, product, () => Product = product);
        Set("attendant", Attendant?.Value.ToString(), form.Attendant?.Value.ToString(), () => Attendant = form.Attendant);
        var priority = form.Priority ?? OccurrencePriority.Normal;
        Set("priority", Text(Priority), Text(priority), () => Priority = priority);
        var description = form.Description!.Trim();
        Set("description", Description, description, () => Description = description);
    }

    private HistoryEntry Record(UserId by, Instant now, string field, string? before, string? after)
    {
        var entry = new HistoryEntry(now, by, field, before, after, isSecret: false);
        _history.Add(entry);
        return entry;
    }

    private static ProblemCollector Check(OccurrenceForm form, OccurrenceSettings settings, string? currentReason)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new ProblemCollector();
        if (form.Account.Value == Guid.Empty)
            problems.Add(new("account", OccurrenceCodes.AccountRequired, "Informe a conta do cliente."));
        if (form.Channel is not { } channel)
            problems.Add(new("channel", OccurrenceCodes.ChannelRequired, "Informe o canal de atendimento."));
        else if (!Enum.IsDefined(channel))
            problems.Add(new("channel", OccurrenceCodes.ChannelUnknown, "Canal de atendimento desconhecido."));
        if (Blank(form.Reason))
            problems.Add(new("reason", OccurrenceCodes.ReasonRequired, "Informe o motivo do atendimento."));
        else if (settings.Find(form.Reason) is not { } reason)
            problems.Add(new("reason", OccurrenceCodes.ReasonUnknown, $"Motivo '{form.Reason!.Trim()}' não cadastrado."));
        else if (!reason.Active && !string.Equals(reason.Code, currentReason, StringComparison.OrdinalIgnoreCase))
            problems.Add(new("reason", OccurrenceCodes.ReasonInactive, $"O motivo '{reason.Name}' está inativo."));
        if (Blank(form.Description))
            problems.Add(new("description", OccurrenceCodes.DescriptionRequired, "Descreva a ocorrência."));
        problems.CheckCharacters(form.Description?.Trim(), "description", multiLine: true);
        problems.Check(form.Product?.Trim(), "product", TextLimits.MasterDataCode);
        if (form.Priority is { } priority && !Enum.IsDefined(priority))
            problems.Add(new("priority", OccurrenceCodes.PriorityUnknown, "Prioridade desconhecida."));
        foreach (var field in settings.MandatoryFields.Order())
        {
            var missing = field switch
            {
                OccurrenceField.Contact => form.Contact is null,
                OccurrenceField.Product => Blank(form.Product),
                OccurrenceField.Attendant => form.Attendant is null,
                OccurrenceField.Priority => form.Priority is null,
                _ => false,
            };
            if (missing)
                problems.Add(new(OccurrenceCodes.FieldName(field), OccurrenceCodes.Required(field), "Campo obrigatório não informado."));
        }
        return problems;
    }

    private static Problem ClosedProblem() => new("status", OccurrenceCodes.Closed, "A ocorrência está encerrada.");

    // The clock may step back (another server, a correction): the instants of a case never go backwards.
    private Instant Later(Instant now)
    {
        var latest = _history[^1].At;
        return now > latest ? now : latest;
    }

    private static string Text<T>(T value) where T : struct, Enum => value.ToString();

    private static string Text(Duration duration) => duration.ToString("-D:hh:mm:ss", CultureInfo.InvariantCulture);

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}

using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;

namespace Crm.Domain.Service.CallCenter;

/// <summary>
/// A call-center list (seed 002: telemarketing, telesales, collections): the contacts to call and, for each, every attempt
/// and how it ended. A contact is called until an attempt finishes it; a closed campaign takes no more contacts or calls.
/// Attempt instants never go backwards, even when the clock does.
/// </summary>
public sealed class Campaign
{
    private readonly List<CampaignTarget> _targets = [];

    private Campaign(CampaignId id, TenantId tenant, string name, CampaignKind kind, UserId createdBy, Instant createdAt)
    {
        Id = id;
        Tenant = tenant;
        Name = name;
        Kind = kind;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        LastChange = createdAt;
    }

    /// <summary>The campaign's id.</summary>
    public CampaignId Id { get; }

    /// <summary>The tenant that owns it.</summary>
    public TenantId Tenant { get; }

    /// <summary>What users call it.</summary>
    public string Name { get; }

    /// <summary>What its calls are for.</summary>
    public CampaignKind Kind { get; }

    /// <summary>Who created it.</summary>
    public UserId CreatedBy { get; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>When it was closed; null while running.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>The contacts to call, in the order added.</summary>
    public IReadOnlyList<CampaignTarget> Targets => _targets;

    private Instant LastChange { get; set; }

    /// <summary>Creates a running campaign, or returns the problems with its name and kind.</summary>
    /// <param name="id">Its id (minted by the engine).</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="name">What users call it.</param>
    /// <param name="kind">What its calls are for.</param>
    /// <param name="by">Who creates it.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<Campaign> Create(CampaignId id, TenantId tenant, string? name, CampaignKind kind, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", CampaignCodes.NameRequired, "Informe o nome da campanha."));
        problems.Check(name?.Trim(), "name", TextLimits.CampaignName);
        if (!Enum.IsDefined(kind))
            problems.Add(new("kind", CampaignCodes.KindUnknown, "Tipo de campanha desconhecido."));
        return problems.HasProblems ? problems.ToInvalid() : new Campaign(id, tenant, name!.Trim(), kind, by, clock.GetCurrentInstant());
    }

    /// <summary>A campaign as stored, rebuilt without running the rules again.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="tenant">The owning tenant.</param>
    /// <param name="name">Its name.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="createdBy">Who created it.</param>
    /// <param name="createdAt">When.</param>
    /// <param name="closedAt">When it was closed; null while running.</param>
    /// <param name="targets">Its contacts with their attempts, in the order added.</param>
    public static Campaign Restore(CampaignId id, TenantId tenant, string name, CampaignKind kind, UserId createdBy, Instant createdAt,
        Instant? closedAt, IEnumerable<CampaignTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var campaign = new Campaign(id, tenant, name, kind, createdBy, createdAt) { ClosedAt = closedAt };
        campaign._targets.AddRange(targets);
        // The instants recorded after this one are never before the last one stored.
        var last = campaign._targets.SelectMany(t => t.Attempts).Select(a => a.At).Append(closedAt ?? createdAt).Max();
        campaign.LastChange = last;
        return campaign;
    }

    /// <summary>Adds a contact to call: an account and, optionally, one of its contact people; each pair at most once.</summary>
    /// <param name="account">The account.</param>
    /// <param name="contact">The contact person; null for the account itself.</param>
    public Outcome<CampaignTarget> AddTarget(AccountId account, ContactId? contact)
    {
        var problems = new ProblemCollector();
        if (ClosedAt is not null)
            problems.Add(ClosedProblem());
        if (account.Value == Guid.Empty)
            problems.Add(new("account", CampaignCodes.AccountRequired, "Informe a conta a contatar."));
        else if (_targets.Exists(t => t.Account == account && t.Contact == contact))
            problems.Add(new("contact", CampaignCodes.TargetDuplicate, "Este contato já está na campanha."));
        if (problems.HasProblems)
            return problems.ToInvalid();
        var target = new CampaignTarget(CampaignTargetId.New(), account, contact);
        _targets.Add(target);
        return target;
    }

    /// <summary>Records a call to one of the campaign's contacts, or returns why it cannot be recorded.</summary>
    /// <param name="target">The contact called.</param>
    /// <param name="outcome">How the call ended.</param>
    /// <param name="note">What the operator noted.</param>
    /// <param name="by">The operator.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<CallAttempt> RecordAttempt(CampaignTargetId target, AttemptOutcome outcome, string? note, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var problems = new ProblemCollector();
        var called = _targets.Find(t => t.Id == target);
        if (ClosedAt is not null)
            problems.Add(ClosedProblem());
        if (called is null)
            problems.Add(new("target", CampaignCodes.TargetNotFound, "Contato não encontrado na campanha."));
        else if (called.IsFinished)
            problems.Add(new("target", CampaignCodes.TargetFinished, "Este contato já foi concluído na campanha."));
        if (!Enum.IsDefined(outcome))
            problems.Add(new("outcome", CampaignCodes.OutcomeUnknown, "Resultado de ligação desconhecido."));
        problems.CheckCharacters(note?.Trim(), "note", multiLine: true);
        if (problems.HasProblems)
            return problems.ToInvalid();
        var attempt = new CallAttempt(Later(clock.GetCurrentInstant()), by, outcome, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        called!.Add(attempt);
        return attempt;
    }

    /// <summary>Closes the campaign; contacts not finished stay as they are.</summary>
    /// <param name="clock">The clock.</param>
    public Outcome<Instant> Close(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (ClosedAt is not null)
            return new Invalid(ClosedProblem());
        var now = Later(clock.GetCurrentInstant());
        ClosedAt = now;
        return now;
    }

    private static Problem ClosedProblem() => new("campaign", CampaignCodes.Closed, "A campanha está encerrada.");

    private Instant Later(Instant now)
    {
        if (now > LastChange)
            LastChange = now;
        return LastChange;
    }
}

using System.Text.Json;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Conversions;
using NodaTime;

namespace Crm.Persistence.Service;

/// <summary>
/// An occurrence as stored: a column for everything lists, visibility and the service indicators group and filter on
/// (account, contact, channel, reason, complaint flag, product, attendant, priority, status, the three instants, the
/// response target, due instant and response time, the account's company/branch), the texts, and the history as one JSON
/// document. Rebuilt through the domain's <c>Occurrence.Restore</c>, no rule re-run.
/// </summary>
public sealed class OccurrenceRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The occurrence's id.</summary>
    public OccurrenceId Id { get; set; }

    /// <summary>The customer's account.</summary>
    public AccountId Account { get; set; }

    /// <summary>The contact person, when known.</summary>
    public ContactId? Contact { get; set; }

    /// <summary>How the customer reached the company.</summary>
    public ServiceChannel Channel { get; set; }

    /// <summary>The reason's code.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Whether the reason was a complaint when given.</summary>
    public bool IsComplaint { get; set; }

    /// <summary>The product or service code, when given.</summary>
    public string? Product { get; set; }

    /// <summary>The attendant; null while in nobody's queue.</summary>
    public UserId? Attendant { get; set; }

    /// <summary>How urgent it is.</summary>
    public OccurrencePriority Priority { get; set; }

    /// <summary>Open, answered or closed.</summary>
    public OccurrenceStatus Status { get; set; }

    /// <summary>Who registered it.</summary>
    public UserId OpenedBy { get; set; }

    /// <summary>When it was registered.</summary>
    public Instant OpenedAt { get; set; }

    /// <summary>When it was answered.</summary>
    public Instant? AnsweredAt { get; set; }

    /// <summary>When it was closed.</summary>
    public Instant? ClosedAt { get; set; }

    /// <summary>The response-time target taken with the reason.</summary>
    public Duration ResponseTarget { get; set; }

    /// <summary>When the answer is due (opening plus target): an open row with this before now is breached.</summary>
    public Instant ResponseDue { get; set; }

    /// <summary>Whole seconds from opening to answer; null while open (averaged by the response-time indicator).</summary>
    public long? ResponseSeconds { get; set; }

    /// <summary>True when answered after <see cref="ResponseDue"/>; null while open (then breach depends on the instant asked).</summary>
    public bool? AnsweredLate { get; set; }

    /// <summary>The account's company when last saved (visibility, complaints per unit).</summary>
    public CompanyId? Company { get; set; }

    /// <summary>The account's branch when last saved.</summary>
    public BranchId? Branch { get; set; }

    /// <summary>What the customer asked or complained about.</summary>
    public string Description { get; set; } = "";

    /// <summary>The answer given.</summary>
    public string? Answer { get; set; }

    /// <summary>How it was resolved.</summary>
    public string? Resolution { get; set; }

    /// <summary>Every change, oldest first (JSON).</summary>
    public string History { get; set; } = "";

    /// <summary>A new row for <paramref name="occurrence"/>, placed in its account's <paramref name="company"/>/<paramref name="branch"/>.</summary>
    public static OccurrenceRow From(Occurrence occurrence, CompanyId? company, BranchId? branch)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        var row = new OccurrenceRow { Tenant = occurrence.Tenant, Id = occurrence.Id, OpenedBy = occurrence.OpenedBy, OpenedAt = occurrence.OpenedAt };
        row.Write(occurrence, company, branch);
        return row;
    }

    /// <summary>Copies <paramref name="occurrence"/>'s state into the row (a tracked row: the next save writes what changed).</summary>
    public void Write(Occurrence occurrence, CompanyId? company, BranchId? branch)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        (Account, Contact, Channel, Reason, IsComplaint, Product, Attendant, Priority, Status) = (occurrence.Account, occurrence.Contact,
            occurrence.Channel, occurrence.Reason, occurrence.IsComplaint, occurrence.Product, occurrence.Attendant, occurrence.Priority, occurrence.Status);
        (AnsweredAt, ClosedAt, ResponseTarget, ResponseDue) = (occurrence.AnsweredAt, occurrence.ClosedAt, occurrence.ResponseTarget, occurrence.ResponseDue);
        ResponseSeconds = occurrence.ResponseTime is { } time ? (long)time.TotalSeconds : null;
        AnsweredLate = occurrence.AnsweredAt is { } answered ? occurrence.IsBreached(answered) : null;
        (Company, Branch) = (company, branch);
        (Description, Answer, Resolution) = (occurrence.Description, occurrence.Answer, occurrence.Resolution);
        if (History.Length == 0 || occurrence.History.Count != HistoryCount)
            History = JsonSerializer.Serialize(occurrence.History, DomainJson.Options);
        HistoryCount = occurrence.History.Count;
    }

    /// <summary>The occurrence as stored.</summary>
    public Occurrence ToOccurrence()
    {
        var history = JsonSerializer.Deserialize<List<HistoryEntry>>(History, DomainJson.Options)!;
        HistoryCount = history.Count;
        return Occurrence.Restore(Id, Tenant, OpenedBy, OpenedAt,
            new OccurrenceForm(Account, Channel, Reason, Description, Contact, Product, Attendant, Priority),
            ResponseTarget, IsComplaint, Status, AnsweredAt, Answer, ClosedAt, Resolution, history);
    }

    // The history is append-only: its length says whether it changed, so an unchanged one is not serialized again.
    private int HistoryCount { get; set; } = -1;
}

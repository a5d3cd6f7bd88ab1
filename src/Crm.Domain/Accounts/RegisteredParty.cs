using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Accounts;

/// <summary>
/// What leads and accounts share: a tenant, validated <see cref="RegistrationData"/> and a history in which every change
/// is recorded by diffing the <see cref="Snapshot"/> before and after it, so the history replays to the current state.
/// </summary>
public abstract class RegisteredParty
{
    /// <summary>For the persistence layer.</summary>
    protected RegisteredParty() { }

    /// <summary>Starts a record from validated data of <paramref name="kind"/>.</summary>
    private protected RegisteredParty(TenantId tenantId, ValidRegistration registration, RegistrationKind kind, ChangeHistory history)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Kind != kind)
            throw new ArgumentException($"Data validated as {registration.Kind} cannot register a {kind}.", nameof(registration));
        TenantId = tenantId;
        Data = registration.Data;
        History = history;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; private set; }

    /// <summary>The registration data.</summary>
    public RegistrationData Data { get; private set; } = null!;

    /// <summary>Every change, oldest first (and the histories of records merged into this one).</summary>
    // Get-only: the history is only ever appended to, never replaced (persistence detects its changes by entry counts).
    public ChangeHistory History { get; } = new();

    /// <summary>Which kind of registration this is.</summary>
    protected abstract RegistrationKind Kind { get; }

    /// <summary>The problem-code subject, <c>lead</c> or <c>account</c>.</summary>
    private string Subject => Kind == RegistrationKind.Lead ? "lead" : "account";

    /// <summary>The whole state flattened to field paths: the registration data and the record's own fields.</summary>
    public FieldSnapshot Snapshot() => DescribeOwnFields(Data.Snapshot());

    /// <summary>Adds the fields that are not registration data (status, links...) to <paramref name="snapshot"/>.</summary>
    protected abstract FieldSnapshot DescribeOwnFields(FieldSnapshot snapshot);

    /// <summary>Why the record can no longer be edited (converted, merged); null while it can.</summary>
    protected abstract string? Frozen { get; }

    /// <summary>Replaces the registration data, recording one history entry per changed field.</summary>
    public Outcome<IReadOnlyList<HistoryEntry>> Update(ValidRegistration registration, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Kind != Kind)
            throw new ArgumentException($"Data validated as {registration.Kind} cannot update a {Kind}.", nameof(registration));
        if (FrozenProblem() is { } frozen)
            return frozen;
        return Outcome<IReadOnlyList<HistoryEntry>>.FromValue(Change(() => Data = registration.Data, by, clock));
    }

    /// <summary>The <c>account.frozen</c> / <c>lead.frozen</c> problem once the record can no longer be edited; null while it can.</summary>
    private protected Invalid? FrozenProblem() => Frozen is { } reason ? new Invalid(new Problem("", $"{Subject}.frozen", reason)) : null;

    /// <summary>Replaces the data inside a larger change (a merge) that records the history itself.</summary>
    private protected void ReplaceData(RegistrationData data) => Data = data;

    /// <summary>Applies <paramref name="mutate"/> and records what it changed.</summary>
    protected IReadOnlyList<HistoryEntry> Change(Action mutate, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(mutate);
        var before = Snapshot();
        mutate();
        return History.Record(before, Snapshot(), by, clock);
    }
}

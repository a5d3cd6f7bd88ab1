using Crm.Domain.Identity;
using Crm.Domain.Service.CallCenter;
using Crm.Domain.Service.Occurrences;
using NodaTime;

namespace Crm.Sdk.Service;

/// <summary>An occurrence was opened or changed.</summary>
/// <param name="Id">The occurrence.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Version">Its stored version (the base of the next change).</param>
public sealed record OccurrenceSaved(OccurrenceId Id, OccurrenceStatus Status, long Version);

/// <summary>An occurrence as read, with its history (<see cref="Occurrence.History"/>) and stored version.</summary>
/// <param name="Occurrence">The occurrence.</param>
/// <param name="Version">Its stored version.</param>
/// <param name="Breached">Whether its answer came, or has not come by the instant of the read, later than its target.</param>
public sealed record OccurrenceRead(Occurrence Occurrence, long Version, bool Breached);

/// <summary>One line of an occurrence list.</summary>
/// <param name="Id">The occurrence.</param>
/// <param name="Account">Its account.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Reason">Its reason code.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="Status">Its status.</param>
/// <param name="Attendant">Its attendant.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="ResponseDue">When the answer is (was) due.</param>
/// <param name="AnsweredAt">When it was answered.</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="Breached">Whether the answer came, or has not come by the instant of the list, after <paramref name="ResponseDue"/>.</param>
public sealed record OccurrenceLine(OccurrenceId Id, AccountId Account, ServiceChannel Channel, string Reason, OccurrencePriority Priority,
    OccurrenceStatus Status, UserId? Attendant, Instant OpenedAt, Instant ResponseDue, Instant? AnsweredAt, Instant? ClosedAt, bool Breached);

/// <summary>Which occurrences a list shows; every condition given must hold.</summary>
public sealed record OccurrenceFilter
{
    /// <summary>Only this status.</summary>
    public OccurrenceStatus? Status { get; init; }

    /// <summary>Only this account's.</summary>
    public AccountId? Account { get; init; }

    /// <summary>Only this attendant's.</summary>
    public UserId? Attendant { get; init; }

    /// <summary>True: only the breached ones (answered late, or open past their due instant); false: only the others.</summary>
    public bool? Breached { get; init; }

    /// <summary>Only those opened at or after this instant.</summary>
    public Instant? OpenedFrom { get; init; }

    /// <summary>Only those opened before this instant.</summary>
    public Instant? OpenedTo { get; init; }
}

/// <summary>A campaign was created or changed.</summary>
/// <param name="Id">The campaign.</param>
/// <param name="Version">Its stored version.</param>
public sealed record CampaignSaved(CampaignId Id, long Version);

/// <summary>Contacts were added to a campaign.</summary>
/// <param name="Targets">The new contacts' ids, in the order given.</param>
/// <param name="Version">The campaign's stored version.</param>
public sealed record TargetsAdded(IReadOnlyList<CampaignTargetId> Targets, long Version);

/// <summary>A call was recorded.</summary>
/// <param name="Attempt">The call.</param>
/// <param name="TargetFinished">Whether it finished the contact.</param>
/// <param name="Version">The campaign's stored version.</param>
public sealed record AttemptRecorded(CallAttempt Attempt, bool TargetFinished, long Version);

/// <summary>A campaign as read, with its contacts and their calls.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Version">Its stored version.</param>
public sealed record CampaignRead(Campaign Campaign, long Version);

/// <summary>One line of the campaign list: what it is and how far it got.</summary>
/// <param name="Id">The campaign.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Telemarketing, telesales or collection.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="Targets">How many contacts it has.</param>
/// <param name="Finished">How many are finished.</param>
/// <param name="Succeeded">How many succeeded.</param>
/// <param name="Attempts">How many calls were made.</param>
public sealed record CampaignProgress(CampaignId Id, string Name, CampaignKind Kind, Instant CreatedAt, Instant? ClosedAt, int Targets,
    int Finished, int Succeeded, int Attempts)
{
    /// <summary>The finished share of the contacts, 0 to 1 (0 without contacts).</summary>
    public decimal Completion => Targets == 0 ? 0m : (decimal)Finished / Targets;
}

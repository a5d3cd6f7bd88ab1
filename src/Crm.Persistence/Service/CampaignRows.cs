using Crm.Domain.Identity;
using Crm.Domain.Service.CallCenter;
using NodaTime;

namespace Crm.Persistence.Service;

/// <summary>
/// A call-center campaign as stored: its header and progress counts (the list shows them without reading its contacts);
/// its contacts are <see cref="CampaignTargetRow"/>s and their calls <see cref="CallAttemptRow"/>s, written with it.
/// Every change to a campaign changes its counts, so its <c>Version</c> guards the contacts and calls too.
/// </summary>
public sealed class CampaignRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The campaign's id.</summary>
    public CampaignId Id { get; set; }

    /// <summary>Its name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What its calls are for.</summary>
    public CampaignKind Kind { get; set; }

    /// <summary>Who created it.</summary>
    public UserId CreatedBy { get; set; }

    /// <summary>When.</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>When it was closed; null while running.</summary>
    public Instant? ClosedAt { get; set; }

    /// <summary>How many contacts it has.</summary>
    public int Targets { get; set; }

    /// <summary>How many of them are finished (wrong number, refused, succeeded).</summary>
    public int Finished { get; set; }

    /// <summary>How many of them succeeded.</summary>
    public int Succeeded { get; set; }

    /// <summary>How many calls were made.</summary>
    public int Attempts { get; set; }
}

/// <summary>One contact of a campaign, with the summary of its calls.</summary>
public sealed class CampaignTargetRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The contact's id in the campaign.</summary>
    public CampaignTargetId Id { get; set; }

    /// <summary>The campaign.</summary>
    public CampaignId Campaign { get; set; }

    /// <summary>Its place in the order the contacts were added.</summary>
    public int Position { get; set; }

    /// <summary>The account called.</summary>
    public AccountId Account { get; set; }

    /// <summary>The contact person called; null for the account's main number.</summary>
    public ContactId? Contact { get; set; }

    /// <summary>How many calls it had.</summary>
    public int Attempts { get; set; }

    /// <summary>How the last call ended; null before the first.</summary>
    public AttemptOutcome? LastOutcome { get; set; }

    /// <summary>When the last call was; null before the first.</summary>
    public Instant? LastAttemptAt { get; set; }

    /// <summary>True once a call finished it.</summary>
    public bool IsFinished { get; set; }
}

/// <summary>One call to a campaign's contact (append-only).</summary>
public sealed class CallAttemptRow
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; set; }

    /// <summary>The contact called.</summary>
    public CampaignTargetId Target { get; set; }

    /// <summary>1 for its first call, 2 for the next, ...</summary>
    public int Number { get; set; }

    /// <summary>The campaign.</summary>
    public CampaignId Campaign { get; set; }

    /// <summary>When.</summary>
    public Instant At { get; set; }

    /// <summary>The operator.</summary>
    public UserId By { get; set; }

    /// <summary>How it ended.</summary>
    public AttemptOutcome Outcome { get; set; }

    /// <summary>What the operator noted.</summary>
    public string? Note { get; set; }
}

namespace Crm.Domain.Service.CallCenter;

/// <summary>Stable problem codes of call-center campaigns; never change a shipped string.</summary>
public static class CampaignCodes
{
    /// <summary>The campaign has no name.</summary>
    public const string NameRequired = "campaign.name.required";

    /// <summary>The kind is not one of <see cref="CampaignKind"/>.</summary>
    public const string KindUnknown = "campaign.kind.unknown";

    /// <summary>The campaign is closed: no new contacts, no more calls.</summary>
    public const string Closed = "campaign.closed";

    /// <summary>No account was given for a contact to call.</summary>
    public const string AccountRequired = "campaign.target.account_required";

    /// <summary>The account and contact are already in the campaign.</summary>
    public const string TargetDuplicate = "campaign.target.duplicate";

    /// <summary>The contact is not one of the account's contact people (checked by the engine).</summary>
    public const string ContactNotOfAccount = "campaign.target.contact_not_of_account";

    /// <summary>No contact with that id in the campaign.</summary>
    public const string TargetNotFound = "campaign.target.not_found";

    /// <summary>An earlier attempt finished the contact (wrong number, refused, succeeded).</summary>
    public const string TargetFinished = "campaign.target.finished";

    /// <summary>The outcome is not one of <see cref="AttemptOutcome"/>.</summary>
    public const string OutcomeUnknown = "campaign.attempt.outcome_unknown";
}

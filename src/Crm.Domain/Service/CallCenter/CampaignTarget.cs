using Crm.Domain.Identity;

namespace Crm.Domain.Service.CallCenter;

/// <summary>One contact a campaign calls, with every attempt made so far (changed only through its <see cref="Campaign"/>).</summary>
public sealed class CampaignTarget
{
    private readonly List<CallAttempt> _attempts = [];

    internal CampaignTarget(CampaignTargetId id, AccountId account, ContactId? contact)
    {
        Id = id;
        Account = account;
        Contact = contact;
    }

    /// <summary>A contact as stored, with its attempts oldest first (for <see cref="Campaign.Restore"/>).</summary>
    /// <param name="id">Its id.</param>
    /// <param name="account">The account called.</param>
    /// <param name="contact">The contact person called.</param>
    /// <param name="attempts">Every attempt, oldest first.</param>
    public static CampaignTarget Restore(CampaignTargetId id, AccountId account, ContactId? contact, IEnumerable<CallAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var target = new CampaignTarget(id, account, contact);
        target._attempts.AddRange(attempts);
        return target;
    }

    /// <summary>Its id in the campaign.</summary>
    public CampaignTargetId Id { get; }

    /// <summary>The account called.</summary>
    public AccountId Account { get; }

    /// <summary>The contact person called; null for the account's main number.</summary>
    public ContactId? Contact { get; }

    /// <summary>Every attempt, oldest first.</summary>
    public IReadOnlyList<CallAttempt> Attempts => _attempts;

    /// <summary>True once an attempt finished it (wrong number, refused, succeeded): no more calls.</summary>
    public bool IsFinished => _attempts.Count > 0 && _attempts[^1].Finishes;

    internal void Add(CallAttempt attempt) => _attempts.Add(attempt);
}

using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// Who holds each short name among a tenant's leads and accounts, asked synchronously while eligibility is evaluated in bulk
/// (the save-time check goes through the asynchronous <see cref="IShortNameRegistry"/>). Datasul keys customers by
/// <c>nome-abrev</c>, so a short name held by another record cannot be sent.
/// </summary>
public interface IShortNameDirectory
{
    /// <summary>True when a record other than <paramref name="self"/> holds <paramref name="shortName"/> (case ignored).</summary>
    bool IsHeldByAnother(ShortName shortName, AccountId self);
}

/// <summary>An in-memory <see cref="IShortNameDirectory"/>, case-insensitive like Progress; a look-up is one hash probe and allocates nothing.</summary>
public sealed class ShortNameDirectory : IShortNameDirectory
{
    // The holder of each name, or null once two records hold it (then it is held by another whoever asks).
    private readonly Dictionary<string, RegistrationRef?> _holders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="holder"/> holds <paramref name="shortName"/>; a second holder marks the name shared.</summary>
    public void Add(ShortName shortName, RegistrationRef holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        _holders[shortName.Value] = _holders.TryGetValue(shortName.Value, out var current) && !holder.Equals(current) ? null : holder;
    }

    /// <inheritdoc />
    public bool IsHeldByAnother(ShortName shortName, AccountId self) =>
        _holders.TryGetValue(shortName.Value, out var holder)
        && (holder is null || !holder.TryPickT1(out var account, out _) || account != self);
}

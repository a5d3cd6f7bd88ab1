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

/// <summary>An in-memory <see cref="IShortNameDirectory"/>, case-insensitive like Progress; look-ups allocate nothing.</summary>
public sealed class ShortNameDirectory : IShortNameDirectory
{
    private readonly Dictionary<string, RegistrationRef> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _shared = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="owner"/> holds <paramref name="shortName"/>; a second holder marks the name shared.</summary>
    public void Add(ShortName shortName, RegistrationRef owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (_owners.TryGetValue(shortName.Value, out var current) && !current.Equals(owner))
            _shared.Add(shortName.Value);
        else
            _owners[shortName.Value] = owner;
    }

    /// <inheritdoc />
    public bool IsHeldByAnother(ShortName shortName, AccountId self) =>
        _owners.TryGetValue(shortName.Value, out var owner)
        && (_shared.Contains(shortName.Value) || !owner.TryPickT1(out var account, out _) || account != self);
}

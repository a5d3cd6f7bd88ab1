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

    /// <summary>
    /// The same question with the name's packed <paramref name="key"/> (from <see cref="RegistrationFacts"/>), which a
    /// directory may answer without reading the name's string.
    /// </summary>
    bool IsHeldByAnother(ShortName shortName, ShortNameKey key, AccountId self) => IsHeldByAnother(shortName, self);
}

/// <summary>
/// An in-memory <see cref="IShortNameDirectory"/>, case-insensitive like Progress. Names are indexed by their packed
/// <see cref="ShortNameKey"/> (names that do not pack, by text), and each holder is stored inline, so a look-up is one hash
/// probe that reads no string and allocates nothing.
/// </summary>
public sealed class ShortNameDirectory : IShortNameDirectory
{
    private readonly Dictionary<ShortNameKey, Holder> _packed = [];
    private readonly Dictionary<string, Holder> _unpacked = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="holder"/> holds <paramref name="shortName"/>; a second holder marks the name shared.</summary>
    public void Add(ShortName shortName, RegistrationRef holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var added = holder.Match(lead => new Holder(HolderKind.Lead, lead.Value), account => new Holder(HolderKind.Account, account.Value));
        var key = ShortNameKey.Of(shortName);
        if (key.IsPacked)
            _packed[key] = _packed.TryGetValue(key, out var current) && current != added ? Holder.Shared : added;
        else
            _unpacked[shortName.Value] = _unpacked.TryGetValue(shortName.Value, out var current) && current != added ? Holder.Shared : added;
    }

    /// <inheritdoc />
    public bool IsHeldByAnother(ShortName shortName, AccountId self) => IsHeldByAnother(shortName, ShortNameKey.Of(shortName), self);

    /// <inheritdoc />
    public bool IsHeldByAnother(ShortName shortName, ShortNameKey key, AccountId self)
    {
        Holder holder;
        var found = key.IsPacked ? _packed.TryGetValue(key, out holder) : _unpacked.TryGetValue(shortName.Value, out holder);
        return found && holder != new Holder(HolderKind.Account, self.Value);
    }

    private enum HolderKind : byte
    {
        Lead,
        Account,
        Shared,
    }

    // The holder of a name, or Shared once two records hold it (then it is held by another whoever asks).
    private readonly record struct Holder(HolderKind Kind, Guid Id)
    {
        public static Holder Shared => new(HolderKind.Shared, Guid.Empty);
    }
}

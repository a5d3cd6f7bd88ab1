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

    /// <summary>True when a record other than <paramref name="self"/> holds the short name of <paramref name="data"/>, if it
    /// has one. A directory that indexes packed keys answers from the registration's facts instead of the name.</summary>
    internal bool IsHeldByAnother(RegistrationData data, AccountId self) =>
        data.ShortName is { } name && IsHeldByAnother(name, self);
}

/// <summary>
/// An in-memory <see cref="IShortNameDirectory"/>, case-insensitive like Progress. Names of up to 18 ASCII characters are
/// indexed by the two numbers they pack into, upper-cased, in an open-addressing table whose slots hold the holder inline, so a look-up is, typically, one
/// cache line that reads no string and allocates nothing; names that do not pack are indexed by text. Eligibility asks with the
/// key already in the account's <see cref="RegistrationData.Facts"/>, computed from its own short name.
/// </summary>
public sealed class ShortNameDirectory : IShortNameDirectory
{
    private Slot[] _slots = new Slot[16];
    private int _count;
    private readonly Dictionary<string, Holder> _unpacked = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="holder"/> holds <paramref name="shortName"/>; a second holder marks the name shared.</summary>
    public void Add(ShortName shortName, RegistrationRef holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var added = holder.Match(lead => new Holder(HolderKind.Lead, lead.Value), account => new Holder(HolderKind.Account, account.Value));
        var key = ShortNameKey.Of(shortName);
        if (!key.IsPacked)
        {
            _unpacked[shortName.Value] = _unpacked.TryGetValue(shortName.Value, out var current) && current != added ? Holder.Shared : added;
            return;
        }
        if (2 * (_count + 1) > _slots.Length)
            Grow();
        ref var slot = ref _slots[IndexOf(_slots, key)];
        if (slot.Key.IsPacked)
        {
            if (slot.Holder != added)
                slot.Holder = Holder.Shared;
            return;
        }
        slot = new Slot(key, added);
        _count++;
    }

    /// <inheritdoc />
    public bool IsHeldByAnother(ShortName shortName, AccountId self) => IsHeldByAnother(shortName, ShortNameKey.Of(shortName), self);

    /// <summary>The packed fast path: asked with the key already in the account's facts.</summary>
    bool IShortNameDirectory.IsHeldByAnother(RegistrationData data, AccountId self) =>
        data.ShortName is { } name && IsHeldByAnother(name, data.Facts.ShortNameKey, self);

    private bool IsHeldByAnother(ShortName shortName, ShortNameKey key, AccountId self)
    {
        Holder holder;
        if (key.IsPacked)
        {
            ref readonly var slot = ref _slots[IndexOf(_slots, key)];
            if (!slot.Key.IsPacked)
                return false;
            holder = slot.Holder;
        }
        else if (!_unpacked.TryGetValue(shortName.Value, out holder))
            return false;
        return holder != new Holder(HolderKind.Account, self.Value);
    }

    // The slot holding key, or the empty slot where it would go (linear probing; the table is at most half full).
    private static int IndexOf(Slot[] slots, ShortNameKey key)
    {
        var mask = slots.Length - 1;
        var hash = (key.Low * 0x9E3779B97F4A7C15UL) ^ (key.High * 0xC2B2AE3D27D4EB4FUL);
        var i = (int)(hash >> 32) & mask;
        while (slots[i].Key.IsPacked && slots[i].Key != key)
            i = (i + 1) & mask;
        return i;
    }

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        foreach (var slot in _slots)
            if (slot.Key.IsPacked)
                slots[IndexOf(slots, slot.Key)] = slot;
        _slots = slots;
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

    private record struct Slot(ShortNameKey Key, Holder Holder);
}

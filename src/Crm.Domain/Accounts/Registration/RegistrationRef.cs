using Crm.Domain.Identity;
using OneOf;

namespace Crm.Domain.Accounts.Registration;

/// <summary>A lead or an account: the records that share registration data (and the short-name key space).</summary>
public sealed class RegistrationRef : OneOfBase<LeadId, AccountId>, IEquatable<RegistrationRef>
{
    private RegistrationRef(OneOf<LeadId, AccountId> value) : base(value) { }

    /// <summary>A lead.</summary>
    public static implicit operator RegistrationRef(LeadId id) => new(id);

    /// <summary>An account.</summary>
    public static implicit operator RegistrationRef(AccountId id) => new(id);

    /// <inheritdoc />
    public bool Equals(RegistrationRef? other) => other is not null && Index == other.Index && Value.Equals(other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RegistrationRef);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Value);

    /// <summary><c>lead:{guid}</c> or <c>account:{guid}</c>.</summary>
    public override string ToString() => Match(lead => $"lead:{lead.Value}", account => $"account:{account.Value}");
}

using Crm.Domain.Identity;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// The port through which the application asks the host's store who owns a short name in a tenant. The domain never calls
/// it: looking it up is I/O, so it is asynchronous, and the application passes its answer into
/// <see cref="RegistrationContext.ShortNameOwner"/> before validating. This keeps the rules pure and testable, and the
/// answer current as of the save (the store's unique index stays the last word against races).
/// </summary>
public interface IShortNameRegistry
{
    /// <summary>The lead or account whose short name has the same <see cref="ShortName.Key"/> in <paramref name="tenant"/>, or null.</summary>
    ValueTask<RegistrationRef?> FindOwnerAsync(TenantId tenant, ShortName shortName, CancellationToken cancellationToken = default);
}

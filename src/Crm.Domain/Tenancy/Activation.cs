using Crm.Domain.Access;

namespace Crm.Domain.Tenancy;

/// <summary>
/// Who activates users (seed 001, "Usuário"): the platform sync brings users in without activating them; only Freemium
/// activates them automatically, while on the paid packages (Starter, Advanced) CRM support does.
/// </summary>
public static class Activation
{
    /// <summary>The status a user synced from the platform arrives with.</summary>
    public static UserStatus OnArrival(Package package) => package == Package.Freemium ? UserStatus.Active : UserStatus.Inactive;

    /// <summary>Whether <paramref name="actor"/> may activate users on <paramref name="package"/>.</summary>
    public static bool CanActivate(User actor, Package package)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Status == UserStatus.Active && (package == Package.Freemium || actor.IsSupport);
    }
}

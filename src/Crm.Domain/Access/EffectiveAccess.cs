using Crm.Domain.Identity;

namespace Crm.Domain.Access;

/// <summary>
/// What a user may do, from all its roles: per module the union of the roles' permissions, and the widest reach.
/// A user without roles may do nothing and sees only its own records.
/// </summary>
public sealed class EffectiveAccess
{
    private readonly Dictionary<Module, Permission> _permissions;

    private EffectiveAccess(Dictionary<Module, Permission> permissions, DataReach reach) => (_permissions, Reach) = (permissions, reach);

    /// <summary>The widest reach among the roles.</summary>
    public DataReach Reach { get; }

    /// <summary>The union of the roles' permissions on <paramref name="module"/>.</summary>
    public Permission On(Module module) => _permissions.GetValueOrDefault(module);

    /// <summary>True when every flag of <paramref name="wanted"/> is granted on <paramref name="module"/>.</summary>
    public bool Allows(Module module, Permission wanted) => (On(module) & wanted) == wanted;

    /// <summary>The access of <paramref name="user"/>, given the tenant's roles (those the user does not hold are ignored).</summary>
    public static EffectiveAccess Of(User user, IEnumerable<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var held = new HashSet<RoleId>(user.Roles);
        var permissions = new Dictionary<Module, Permission>();
        var reach = DataReach.Own;
        foreach (var role in roles.Where(r => held.Contains(r.Id) && r.TenantId == user.TenantId))
        {
            foreach (var grant in role.Grants)
                permissions[grant.Module] = permissions.GetValueOrDefault(grant.Module) | grant.Permissions;
            if (role.Reach > reach)
                reach = role.Reach;
        }
        return new EffectiveAccess(permissions, reach);
    }
}

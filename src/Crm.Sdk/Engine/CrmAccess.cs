using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;

namespace Crm.Sdk;

/// <summary>
/// What the session's user may do, loaded once per session from its roles, the tenant's hierarchy and its company/branch
/// pairs: the permission per module × action and the <see cref="VisibilityScope"/> of its records. An unknown or inactive
/// user may do nothing. Checking a permission is an array look-up: no allocation.
/// </summary>
public sealed class CrmAccess
{
    private static readonly int Modules = Enum.GetValues<Module>().Length;

    private readonly Permission[] _permissions;
    private readonly string? _refusal;
    private readonly string _refusalCode;

    private CrmAccess(User? user, Tenant? tenant, Permission[] permissions, DataReach reach, VisibilityScope? scope)
    {
        (User, Tenant, _permissions, Reach) = (user, tenant, permissions, reach);
        Scope = scope;
        (_refusalCode, _refusal) = user switch
        {
            null => (Denied.UnknownUserCode, "O usuário não é um usuário deste tenant."),
            { Status: not UserStatus.Active } => (Denied.InactiveCode, $"O usuário {user.Login} está inativo."),
            _ => (Denied.PermissionCode, null),
        };
    }

    /// <summary>The user; null when it is not a user of the tenant.</summary>
    public User? User { get; }

    /// <summary>The tenant; null before it is provisioned.</summary>
    public Tenant? Tenant { get; }

    /// <summary>The widest reach of the user's roles.</summary>
    public DataReach Reach { get; }

    /// <summary>Which records the user sees; null for an unknown user (it sees nothing).</summary>
    public VisibilityScope? Scope { get; }

    /// <summary>True when the user is active and its roles grant every flag of <paramref name="action"/> on <paramref name="module"/>.</summary>
    public bool Allows(Module module, Permission action) => _refusal is null && (_permissions[(int)module] & action) == action;

    /// <summary>Null when <see cref="Allows"/>; otherwise the denial naming the module and the action.</summary>
    public Denied? Check(Module module, Permission action) =>
        Allows(module, action) ? null
            : new Denied(module, action, _refusalCode, _refusal ?? $"Seu papel não permite {Describe(action)} em {module}.");

    /// <summary>
    /// True when a record of <paramref name="owner"/> in <paramref name="company"/>/<paramref name="branch"/> is inside the
    /// user's scope (an unknown user sees nothing).
    /// </summary>
    public bool Sees(UserId? owner, CompanyId? company, BranchId? branch) => Scope?.Allows(owner, company, branch) ?? false;

    /// <summary>The denial of placing a record outside the user's scope (owner, company or branch it does not see).</summary>
    internal static Denied OutOfScope(Module module, Permission action) =>
        new(module, action, Denied.ScopeCode, "O registro ficaria fora da sua visibilidade (responsável, empresa ou filial).");

    /// <summary>The access of <paramref name="user"/> (null: not a user of the tenant) among the tenant's users and roles.</summary>
    internal static CrmAccess Of(User? user, Tenant? tenant, IReadOnlyList<User> users, IReadOnlyList<Role> roles)
    {
        var permissions = new Permission[Modules];
        if (user is null)
            return new CrmAccess(null, tenant, permissions, DataReach.Own, null);
        var access = EffectiveAccess.Of(user, roles);
        foreach (var module in Enum.GetValues<Module>())
            permissions[(int)module] = access.On(module);
        // A broken stored hierarchy (a cycle) leaves the user its own records only, never more.
        var scope = Hierarchy.Of(users).Match(
            hierarchy => VisibilityScope.Of(user, access, hierarchy),
            _ => VisibilityScope.Of(user, access, Hierarchy.Build([(user.Id, null)]).AsT0));
        return new CrmAccess(user, tenant, permissions, access.Reach, scope);
    }

    // Each flag in Portuguese, as the message is (a combined action such as Access | Edit | Delete too).
    private static string Describe(Permission action)
    {
        var verbs = Enum.GetValues<Permission>().Where(flag => IsSingleFlag(flag) && action.HasFlag(flag)).Select(Verb).ToList();
        return verbs.Count <= 1 ? Verb(action) : $"{string.Join(", ", verbs[..^1])} e {verbs[^1]}";
    }

    private static bool IsSingleFlag(Permission flag) => flag != 0 && ((int)flag & ((int)flag - 1)) == 0;

    private static string Verb(Permission action) => action switch
    {
        Permission.Access => "acessar",
        Permission.View => "visualizar",
        Permission.Include => "incluir",
        Permission.Edit => "editar",
        Permission.Delete => "excluir",
        Permission.Export => "exportar",
        Permission.Filter => "filtrar",
        _ => action.ToString(),
    };
}

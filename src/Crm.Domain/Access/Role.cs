using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Access;

/// <summary>
/// A role (<i>papel</i>): a named set of module permissions and a data reach. Provisioning creates the standard ones
/// (<see cref="StandardRoles"/>); tenants add custom roles. A user holds one or more roles.
/// </summary>
public sealed class Role
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = TextLimits.RoleName;

    private readonly List<ModuleGrant> _grants = [];

    private Role() { }

    /// <summary>Its id.</summary>
    public RoleId Id { get; private set; }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; private set; }

    /// <summary>Its name, unique in the tenant (e.g. <c>CRM - Coordenador</c>).</summary>
    public string Name { get; private set; } = "";

    /// <summary>Whose records its users see.</summary>
    public DataReach Reach { get; private set; }

    /// <summary>True for the roles provisioning creates; they cannot be renamed, since re-provisioning finds them by name.</summary>
    public bool IsStandard { get; private set; }

    /// <summary>The permissions per module; a module not listed grants nothing.</summary>
    public IReadOnlyList<ModuleGrant> Grants => _grants;

    /// <summary>What the role allows on <paramref name="module"/>.</summary>
    public Permission On(Module module) => _grants.Find(g => g.Module == module)?.Permissions ?? Permission.None;

    /// <summary>Creates a custom role.</summary>
    public static Outcome<Role> Create(RoleId id, TenantId tenantId, string name, DataReach reach, IEnumerable<ModuleGrant> grants) =>
        Build(id, tenantId, name, reach, grants, isStandard: false);

    /// <summary>Creates one of the <see cref="StandardRoles"/>.</summary>
    internal static Role Standard(RoleId id, TenantId tenantId, StandardRole definition) =>
        Build(id, tenantId, definition.Name, definition.Reach, definition.Grants, isStandard: true).AsT0;

    /// <summary>Changes name, reach and permissions; a standard role keeps its name.</summary>
    public Outcome<Success> Change(string name, DataReach reach, IEnumerable<ModuleGrant> grants)
    {
        var problems = new ProblemCollector("role");
        var cleanName = CheckName(name, ref problems);
        if (IsStandard && cleanName is not null && cleanName != Name)
            problems.Add("name", AccessCodes.StandardRename, $"O papel padrão \"{Name}\" não pode ser renomeado.");
        var list = CheckGrants(grants, ref problems);
        if (problems.HasErrors)
            return problems.ToInvalid();
        (Name, Reach) = (cleanName!, reach);
        _grants.Clear();
        _grants.AddRange(list);
        return new Success();
    }

    private static Outcome<Role> Build(RoleId id, TenantId tenantId, string name, DataReach reach, IEnumerable<ModuleGrant> grants, bool isStandard)
    {
        var problems = new ProblemCollector("role");
        var cleanName = CheckName(name, ref problems);
        var list = CheckGrants(grants, ref problems);
        if (problems.HasErrors)
            return problems.ToInvalid();
        var role = new Role { Id = id, TenantId = tenantId, Name = cleanName!, Reach = reach, IsStandard = isStandard };
        role._grants.AddRange(list);
        return role;
    }

    private static string? CheckName(string name, ref ProblemCollector problems)
    {
        var clean = problems.Text(name, "name");
        if (clean is null)
            problems.Add("name", AccessCodes.NameRequired, "Informe o nome do papel.");
        else if (TextRule.IsLongerThan(clean, MaxNameLength))
            problems.Add("name", AccessCodes.NameTooLong, $"O nome do papel tem no máximo {MaxNameLength} caracteres.");
        return clean;
    }

    // Every right but Access needs Access (the module cannot be opened otherwise), and every right beyond
    // Access and View needs View: nobody edits, deletes, exports or filters records they cannot see.
    private static List<ModuleGrant> CheckGrants(IEnumerable<ModuleGrant> grants, ref ProblemCollector problems)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var list = new List<ModuleGrant>();
        foreach (var grant in grants)
        {
            ArgumentNullException.ThrowIfNull(grant);
            var field = $"grants[{grant.Module}]";
            if (list.Exists(g => g.Module == grant.Module))
                problems.Add(field, AccessCodes.GrantDuplicate, $"O módulo {grant.Module} aparece mais de uma vez.");
            else if (grant.Permissions != Permission.None)
                list.Add(grant);
            if ((grant.Permissions & ~Permission.All) != 0)
                problems.Add(field, AccessCodes.GrantUnknown, $"Permissão desconhecida no módulo {grant.Module}.");
            if (grant.Permissions != Permission.None && !grant.Permissions.HasFlag(Permission.Access))
                problems.Add(field, AccessCodes.GrantRequiresAccess, $"No módulo {grant.Module}, qualquer permissão exige a permissão de acesso.");
            if ((grant.Permissions & ~(Permission.Access | Permission.View)) != 0 && !grant.Permissions.HasFlag(Permission.View))
                problems.Add(field, AccessCodes.GrantRequiresView, $"No módulo {grant.Module}, incluir, editar, excluir, exportar e filtrar exigem a permissão de visualizar.");
        }
        return list;
    }
}

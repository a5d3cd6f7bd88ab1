namespace Crm.Domain.Access;

/// <summary>The definition of a role that provisioning creates.</summary>
/// <param name="Name">Its name, as the platform shows it.</param>
/// <param name="Reach">Whose records it sees.</param>
/// <param name="Grants">Its permissions.</param>
public sealed record StandardRole(string Name, DataReach Reach, IReadOnlyList<ModuleGrant> Grants);

/// <summary>
/// The roles every tenant starts with (seed 001, "Cadastros padrões" and "Papéis"): platform Admin (super access),
/// CRM - Diretor (widest CRM access), CRM - Coordenador (intermediate, sees subordinates' data) and CRM - Usuário
/// (sales rep, most restricted). Their permissions are a starting point the tenant may edit.
/// </summary>
public static class StandardRoles
{
    private const Permission Work = Permission.Access | Permission.View | Permission.Include | Permission.Edit | Permission.Filter;
    private const Permission ReadOnly = Permission.Access | Permission.View | Permission.Filter;

    /// <summary>Platform Admin: every permission on every module, every company.</summary>
    public static StandardRole Admin { get; } = new("Admin", DataReach.Platform, Every(_ => Permission.All));

    /// <summary>CRM - Diretor: every permission on every module, every record of its companies/branches.</summary>
    public static StandardRole Diretor { get; } = new("CRM - Diretor", DataReach.All, Every(_ => Permission.All));

    /// <summary>CRM - Coordenador: works and exports on commercial modules, reads settings; sees its team's records.</summary>
    public static StandardRole Coordenador { get; } = new("CRM - Coordenador", DataReach.Team,
        Every(m => m == Module.Settings ? ReadOnly : Work | Permission.Export));

    /// <summary>CRM - Usuário: works on commercial modules without deleting or exporting, no settings or imports; sees own records.</summary>
    public static StandardRole Usuario { get; } = new("CRM - Usuário", DataReach.Own,
        Every(m => m is Module.Settings or Module.Imports ? Permission.None : m == Module.Pricing ? ReadOnly : Work));

    /// <summary>The four, in the order provisioning creates them.</summary>
    public static IReadOnlyList<StandardRole> All { get; } = [Admin, Diretor, Coordenador, Usuario];

    private static ModuleGrant[] Every(Func<Module, Permission> permissions) =>
        Enum.GetValues<Module>().Select(m => new ModuleGrant(m, permissions(m))).Where(g => g.Permissions != Permission.None).ToArray();
}

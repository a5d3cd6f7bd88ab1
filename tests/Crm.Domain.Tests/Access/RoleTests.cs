using Crm.Domain.Access;
using Crm.Domain.Identity;

namespace Crm.Domain.Tests.Access;

public class RoleTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private const Permission Read = Permission.Access | Permission.View;

    [Fact]
    public void A_custom_role_grants_permissions_per_module_and_nothing_elsewhere()
    {
        var role = Role.Create(new RoleId(Guid.NewGuid()), Tenant, "Televendas", DataReach.Own,
            [new ModuleGrant(Module.Accounts, Read | Permission.Include), new ModuleGrant(Module.Orders, Read)]).AsT0;

        Assert.False(role.IsStandard);
        Assert.Equal(Read | Permission.Include, role.On(Module.Accounts));
        Assert.Equal(Permission.None, role.On(Module.Settings));
    }

    [Fact]
    public void Every_problem_of_a_role_is_listed()
    {
        var invalid = Role.Create(new RoleId(Guid.NewGuid()), Tenant, " ", DataReach.Own,
        [
            new ModuleGrant(Module.Accounts, Permission.View),
            new ModuleGrant(Module.Leads, Permission.Access | Permission.Edit),
            new ModuleGrant(Module.Accounts, Read),
            new ModuleGrant(Module.Boards, (Permission)128 | Read),
        ]).AsT1;

        Assert.Equal(
            ["role.name.required", "role.grant.requires_access", "role.grant.requires_view", "role.grant.duplicate", "role.grant.unknown"],
            invalid.Problems.Select(p => p.Code));
        Assert.Equal(["name", "grants[Accounts]", "grants[Leads]", "grants[Accounts]", "grants[Boards]"], invalid.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Standard_roles_keep_their_name_but_their_permissions_can_change()
    {
        var role = Role.Standard(new RoleId(Guid.NewGuid()), Tenant, StandardRoles.Usuario);

        var rename = role.Change("Vendedor", DataReach.Own, role.Grants).AsT1;
        var change = role.Change("CRM - Usuário", DataReach.Own, [new ModuleGrant(Module.Accounts, Read)]);

        Assert.Equal("role.standard.rename", Assert.Single(rename.Problems).Code);
        Assert.True(change.IsT0);
        Assert.Equal([new ModuleGrant(Module.Accounts, Read)], role.Grants);
    }

    [Fact]
    public void The_standard_roles_range_from_Admin_to_sales_rep()
    {
        Assert.Equal(["Admin", "CRM - Diretor", "CRM - Coordenador", "CRM - Usuário"], StandardRoles.All.Select(r => r.Name));
        Assert.Equal([DataReach.Platform, DataReach.All, DataReach.Team, DataReach.Own], StandardRoles.All.Select(r => r.Reach));
        Assert.All(Enum.GetValues<Module>(), m => Assert.Contains(new ModuleGrant(m, Permission.All), StandardRoles.Diretor.Grants));
        Assert.DoesNotContain(StandardRoles.Usuario.Grants, g => g.Module == Module.Settings || g.Permissions.HasFlag(Permission.Delete));
        Assert.Contains(new ModuleGrant(Module.Settings, Read | Permission.Filter), StandardRoles.Coordenador.Grants);
    }

    [Fact]
    public void A_user_with_several_roles_has_the_union_of_their_permissions_and_the_widest_reach()
    {
        var seller = Role.Create(new RoleId(Guid.NewGuid()), Tenant, "Vendas", DataReach.Own, [new ModuleGrant(Module.Accounts, Read | Permission.Edit)]).AsT0;
        var exporter = Role.Create(new RoleId(Guid.NewGuid()), Tenant, "Exportação", DataReach.Team, [new ModuleGrant(Module.Accounts, Read | Permission.Export)]).AsT0;
        var notHeld = Role.Create(new RoleId(Guid.NewGuid()), Tenant, "Diretoria", DataReach.All, [new ModuleGrant(Module.Settings, Permission.All)]).AsT0;
        var user = Users.Active(Tenant);
        user.AssignRoles([seller.Id, exporter.Id, seller.Id]);

        var access = EffectiveAccess.Of(user, [seller, exporter, notHeld]);

        Assert.Equal([seller.Id, exporter.Id], user.Roles);
        Assert.Equal(Read | Permission.Edit | Permission.Export, access.On(Module.Accounts));
        Assert.True(access.Allows(Module.Accounts, Permission.Edit | Permission.Export));
        Assert.False(access.Allows(Module.Accounts, Permission.Delete));
        Assert.Equal(Permission.None, access.On(Module.Settings));
        Assert.Equal(DataReach.Team, access.Reach);
    }

    [Fact]
    public void A_user_without_roles_may_do_nothing_and_sees_only_its_own_records()
    {
        var access = EffectiveAccess.Of(Users.Active(Tenant), []);

        Assert.All(Enum.GetValues<Module>(), m => Assert.Equal(Permission.None, access.On(m)));
        Assert.Equal(DataReach.Own, access.Reach);
    }
}

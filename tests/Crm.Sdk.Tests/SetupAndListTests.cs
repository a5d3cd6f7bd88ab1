using Crm.Domain.Access;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Problems;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Tenants;
using Crm.Sdk.Tests.Infrastructure;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>What a host sets a tenant up with (support user, roles, companies) and the pages of leads and contacts, through the engine.</summary>
public sealed class SetupAndListTests
{
    [Theory, SqliteData, PostgresData]
    public async Task The_support_user_assigns_roles_it_read_and_a_custom_role_is_defined_and_changed(string provider)
    {
        await using var host = await Create(provider);
        var tenants = host.Engine.Tenants;

        var support = Ok(await tenants.SupportUserAsync(host.Tenant));
        var roles = Ok(await tenants.RolesAsync(host.Tenant, support));
        var grants = new[] { new ModuleGrant(Module.Accounts, Permission.Access | Permission.View) };
        var defined = Ok(await tenants.DefineRoleAsync(host.Tenant, host.Diretor, "Consulta", DataReach.Own, grants));
        var changed = Ok(await tenants.ChangeRoleAsync(host.Tenant, host.Diretor, defined.Id, defined.Version, "Consulta de contas", DataReach.Team,
            [new ModuleGrant(Module.Accounts, Permission.Access | Permission.View | Permission.Export)]));
        var stale = await tenants.ChangeRoleAsync(host.Tenant, host.Diretor, defined.Id, defined.Version, "Consulta", DataReach.Own, grants);
        var taken = await tenants.DefineRoleAsync(host.Tenant, host.Diretor, "crm - usuário", DataReach.Own, grants);
        var invalid = await tenants.DefineRoleAsync(host.Tenant, host.Diretor, " ", DataReach.Own, [new ModuleGrant(Module.Accounts, Permission.Edit)]);
        var denied = await tenants.DefineRoleAsync(host.Tenant, host.Usuario, "Minha", DataReach.All, grants);
        var missing = await tenants.ChangeRoleAsync(host.Tenant, host.Diretor, new RoleId(Guid.NewGuid()), 1, "X", DataReach.Own, grants);
        Ok(await tenants.AssignRolesAsync(host.Tenant, support, host.SemPapel, [defined.Id]));

        Assert.Equal(StandardRoles.All.Select(r => r.Name).Order(StringComparer.Ordinal), roles.Select(r => r.Name));
        var stored = Ok(await tenants.RolesAsync(host.Tenant, host.Diretor)).Single(r => r.Id == defined.Id);
        Assert.Equal(("Consulta de contas", DataReach.Team), (stored.Name, stored.Reach));
        Assert.Equal(Permission.Access | Permission.View | Permission.Export, stored.On(Module.Accounts));
        Assert.True(changed.Version > defined.Version);
        Assert.IsType<Conflict>(stale.Value);
        Assert.Equal(TenantsModule.RoleNameTakenCode, Assert.Single(taken.Problems).Code);
        Assert.Equal([$"role.{AccessCodes.GrantRequiresAccess}", $"role.{AccessCodes.GrantRequiresView}", $"role.{AccessCodes.NameRequired}"], invalid.Problems.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Equal((Module.Settings, Permission.Access | Permission.Include), (Assert.IsType<Denied>(denied.Value).Module, Assert.IsType<Denied>(denied.Value).Action));
        Assert.IsType<NotFound>(missing.Value);
        // The new role's user sees accounts and may not register one.
        Assert.True((await host.As(host.SemPapel).Accounts.ListAsync(0, 10)).Succeeded);
        Assert.IsType<Denied>((await host.As(host.SemPapel).Accounts.RegisterAsync(Forms.Company(120))).Value);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Companies_keep_the_ids_the_host_gives_and_are_listed_with_their_branches(string provider)
    {
        await using var host = await Create(provider);
        var tenants = host.Engine.Tenants;
        var (company, matriz) = (new CompanyId(Guid.NewGuid()), new BranchId(Guid.NewGuid()));

        Ok(await tenants.RegisterCompanyAsync(host.Tenant, host.Diretor, new UnitForm("02", "Segunda Ltda"), company));
        Ok(await tenants.AddBranchAsync(host.Tenant, host.Diretor, company, new UnitForm("0201", "Matriz"), isMatriz: true, matriz));
        Ok(await tenants.RegisterCompanyAsync(host.Tenant, host.Diretor, new UnitForm("01", "Primeira Ltda")));
        var again = await tenants.RegisterCompanyAsync(host.Tenant, host.Diretor, new UnitForm("03", "Terceira Ltda"), company);
        var listed = Ok(await tenants.CompaniesAsync(host.Tenant, host.Coordenador));
        var denied = await tenants.CompaniesAsync(host.Tenant, host.Usuario);

        Assert.Equal(["Primeira Ltda", "Segunda Ltda"], listed.Select(c => c.Details.Name));
        Assert.Equal(matriz, listed[1].Matriz?.Id);
        Assert.False(again.Succeeded);
        Assert.Equal(2, listed.Count);
        Assert.Equal(Permission.Access | Permission.View, Assert.IsType<Denied>(denied.Value).Action);
        Assert.IsType<NotFound>((await tenants.SupportUserAsync(new TenantId(Guid.NewGuid()))).Value);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Lead_and_contact_pages_hold_what_the_user_sees_in_a_stable_order(string provider)
    {
        await using var host = await Create(provider);
        var mine = host.As(host.Usuario);
        var leads = new List<LeadId>();
        foreach (var seed in new[] { 123, 121, 122 })
            leads.Add(Ok(await mine.Leads.RegisterAsync(Forms.Company(seed))).Id);
        var others = Ok(await host.As(host.Outro).Leads.RegisterAsync(Forms.Company(124))).Id;
        foreach (var (lead, name) in new[] { (leads[0], "Carla"), (leads[1], "Bia"), (leads[1], "Ana") })
            Ok(await mine.Contacts.AddAsync(lead, new ContactForm(name)));
        Ok(await host.As(host.Outro).Contacts.AddAsync(others, new ContactForm("Zeca")));

        var firstLeads = Ok(await mine.Leads.ListAsync(0, 2));
        var restLeads = Ok(await mine.Leads.ListAsync(2, 2));
        var allLeads = Ok(await host.As(host.Diretor).Leads.ListAsync(0, Paging.MaxPageSize));
        var contacts = Ok(await mine.Contacts.ListAsync(0, 10));
        var secondContact = Ok(await mine.Contacts.ListAsync(1, 1));
        var bad = await mine.Leads.ListAsync(0, 0);
        var badContacts = await mine.Contacts.ListAsync(-2, Paging.MaxPageSize + 1);
        var badAccounts = await mine.Accounts.ListAsync(-1, 10);
        var denied = await host.As(host.SemPapel).Contacts.ListAsync(0, 10);

        Assert.Equal(2, firstLeads.Count);
        Assert.Single(restLeads);
        Assert.Equal(firstLeads.Concat(restLeads).Select(l => l.Data.LegalName).Order(StringComparer.Ordinal), firstLeads.Concat(restLeads).Select(l => l.Data.LegalName));
        Assert.Equal(leads.Select(l => l.Value).Order(), firstLeads.Concat(restLeads).Select(l => l.Id.Value).Order());
        Assert.Equal(4, allLeads.Count);
        Assert.Equal(["Ana", "Bia", "Carla"], contacts.Select(c => c.Name));
        Assert.Equal("Bia", Assert.Single(secondContact).Name);
        Assert.Equal(Paging.TakeCode, Assert.Single(bad.Problems).Code);
        Assert.Equal([Paging.SkipCode, Paging.TakeCode], badContacts.Problems.Select(p => p.Code));
        Assert.IsType<Invalid>(badAccounts.Value);
        Assert.Equal(Module.Contacts, Assert.IsType<Denied>(denied.Value).Module);
    }
}

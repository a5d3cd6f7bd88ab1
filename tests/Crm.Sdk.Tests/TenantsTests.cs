using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Tenancy;
using Crm.Sdk.Tests.Infrastructure;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Platform-level operations: provisioning, users, companies and branches, each authorized on Settings.</summary>
public sealed class TenantsTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Provisioning_again_reports_every_step_already_done(string provider)
    {
        await using var host = await Create(provider);

        var again = Ok(await host.Engine.Tenants.ProvisionAsync(host.Tenant, "Tenant de teste", Package.Freemium));
        var invalid = await host.Engine.Tenants.ProvisionAsync(new TenantId(Guid.NewGuid()), " ", Package.Freemium);

        Assert.All(again.Steps, s => Assert.Equal(StepOutcome.AlreadyDone, s.Outcome));
        Assert.IsType<Crm.Domain.Problems.Invalid>(invalid.Value);
    }

    [Theory, SqliteData, PostgresData]
    public async Task On_a_paid_package_only_crm_support_activates_users(string provider)
    {
        await using var host = await Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        Ok(await host.Engine.Tenants.ProvisionAsync(tenant, "Provedor pago", Package.Starter));
        var support = (await host.Engine.Session(tenant, default).AccessAsync()).User; // unknown user: no access, no exception
        Assert.Null(support);
        await using var db = host.Engine.Database.Open(tenant);
        var supportId = db.Users.Single(u => u.Login == User.SupportLogin).Id;
        var roles = db.Roles.ToDictionary(r => r.Name, r => r.Id);
        var diretor = new UserId(Guid.NewGuid());
        var vendedor = new UserId(Guid.NewGuid());
        Assert.Equal(UserStatus.Inactive, Ok(await host.Engine.Tenants.AddUserAsync(tenant, diretor, "dir", "Diretor")).Status);
        Ok(await host.Engine.Tenants.AddUserAsync(tenant, vendedor, "vend", "Vendedor"));
        Ok(await host.Engine.Tenants.AssignRolesAsync(tenant, supportId, diretor, [roles[StandardRoles.Diretor.Name]]));
        Ok(await host.Engine.Tenants.ActivateUserAsync(tenant, supportId, diretor));

        var byDiretor = await host.Engine.Tenants.ActivateUserAsync(tenant, diretor, vendedor);
        var duplicateLogin = await host.Engine.Tenants.AddUserAsync(tenant, new UserId(Guid.NewGuid()), "VEND", "Outro");
        var unknownRole = await host.Engine.Tenants.AssignRolesAsync(tenant, supportId, vendedor, [new RoleId(Guid.NewGuid())]);

        Assert.Equal(Denied.PlatformCode, Assert.IsType<Denied>(byDiretor.Value).Code);
        Assert.Contains(duplicateLogin.Problems, p => p.Code == "user.login.duplicate");
        Assert.Contains(unknownRole.Problems, p => p.Code == "user.roles.unknown");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Companies_and_branches_are_managed_by_settings_and_a_referenced_company_is_kept(string provider)
    {
        await using var host = await Create(provider);
        var tenants = host.Engine.Tenants;
        var company = Ok(await tenants.RegisterCompanyAsync(host.Tenant, host.Diretor, new UnitForm("01", "Matriz Ltda"))).Company;
        var branch = Ok(await tenants.AddBranchAsync(host.Tenant, host.Diretor, company, new UnitForm("0101", "Filial Centro"), isMatriz: true)).Branch!.Value;
        Ok(await tenants.AllowCompaniesAsync(host.Tenant, host.Diretor, host.Diretor, [new CompanyBranch(company, null)]));
        Ok(await host.As(host.Diretor).Accounts.RegisterAsync(Forms.Company(70, company: company, branch: branch)));

        var denied = await tenants.RegisterCompanyAsync(host.Tenant, host.Usuario, new UnitForm("02", "Outra"));
        var coordenador = await tenants.AddBranchAsync(host.Tenant, host.Coordenador, company, new UnitForm("0102", "Filial Sul"));
        var referenced = await tenants.DeleteCompanyAsync(host.Tenant, host.Diretor, company);
        var missing = await tenants.DeleteCompanyAsync(host.Tenant, host.Diretor, new CompanyId(Guid.NewGuid()));

        Assert.Equal((Module.Settings, Permission.Access | Permission.Include), (Assert.IsType<Denied>(denied.Value).Module, Assert.IsType<Denied>(denied.Value).Action));
        Assert.Equal(Permission.Access | Permission.Edit, Assert.IsType<Denied>(coordenador.Value).Action);
        Assert.IsType<Crm.Domain.Problems.Invalid>(referenced.Value);
        Assert.IsType<NotFound>(missing.Value);
    }

    [Theory, SqliteData]
    public async Task A_cycle_in_the_hierarchy_is_refused(string provider)
    {
        await using var host = await Create(provider);

        var cycle = await host.Engine.Tenants.SetManagerAsync(host.Tenant, host.Support, host.Coordenador, host.Usuario);

        Assert.Contains(cycle.Problems, p => p.Code == "hierarchy.cycle");
    }
}

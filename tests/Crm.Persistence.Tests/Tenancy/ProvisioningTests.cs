using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Persistence.Provisioning;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Tenancy;

public sealed class ProvisioningTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Provisioning_writes_each_step_and_a_second_run_reports_them_done_without_duplicates(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var provisioning = new TenantProvisioning(db.Database);

        var first = (await provisioning.ProvisionAsync(tenant, "Padaria Pão Quente", Package.Starter, DefaultIntegration.Datasul)).AsT0;
        var second = (await provisioning.ProvisionAsync(tenant, "Padaria Pão Quente", Package.Starter, DefaultIntegration.Datasul)).AsT0;

        Assert.True(first.Completed);
        Assert.All(first.Steps, s => Assert.Equal(StepOutcome.Succeeded, s.Outcome));
        Assert.Equal(["tenant", "role:Admin", "role:CRM - Diretor", "role:CRM - Coordenador", "role:CRM - Usuário", "user:suportecrm"],
            first.Steps.Select(s => s.Step.Key));
        Assert.All(second.Steps, s => Assert.Equal(StepOutcome.AlreadyDone, s.Outcome));
        await using var read = db.Open(tenant);
        Assert.Equal(Package.Starter, (await read.Tenants.SingleAsync()).Package);
        Assert.Equal(4, await read.Roles.CountAsync());
        var support = await read.Users.SingleAsync();
        Assert.Equal(User.SupportLogin, support.Login);
        var admin = await read.Roles.SingleAsync(r => r.Name == StandardRoles.Admin.Name);
        Assert.Equal([admin.Id], support.Roles);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_failed_step_is_reported_with_its_problem_and_the_rest_is_not_run(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        await using (var seed = db.Open(tenant))
        {
            // A custom role already holding a standard role's name: the unique (tenant, name) index rejects the step.
            seed.Roles.Add(Role.Create(new RoleId(Guid.NewGuid()), tenant, StandardRoles.Coordenador.Name, DataReach.Own, []).AsT0);
            await seed.SaveAsync();
        }

        var report = (await new TenantProvisioning(db.Database).ProvisionAsync(tenant, "Loja", Package.Freemium, null)).AsT0;

        Assert.False(report.Completed);
        var failed = Assert.Single(report.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal("role:CRM - Coordenador", failed.Step.Key);
        Assert.Equal("provisioning.step_failed", Assert.Single(failed.Problems).Code);
        Assert.All(report.Steps.SkipWhile(s => s != failed).Skip(1), s => Assert.Equal(StepOutcome.NotRun, s.Outcome));
    }

    [Theory, SqliteData]
    public async Task An_invalid_request_is_returned_as_problems_and_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());

        var result = await new TenantProvisioning(db.Database).ProvisionAsync(tenant, " ", Package.Advanced, null);

        Assert.True(result.IsT1);
        await using var read = db.Open(tenant);
        Assert.Equal(0, await read.Tenants.CountAsync());
    }
}

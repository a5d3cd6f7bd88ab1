using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Tenancy;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Tests.Tenancy;

public class ProvisioningTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    /// <summary>An in-memory store: what it applied, and a step key it refuses.</summary>
    private sealed class Store(string? refuses = null) : IProvisioningTarget
    {
        public List<ProvisioningStep> Applied { get; } = [];

        public OneOf<Success, Invalid> Apply(ProvisioningStep step)
        {
            if (step.Key == refuses)
                return new Invalid(new Problem("role", "store.unavailable", "Plataforma indisponível."));
            Applied.Add(step);
            return new Success();
        }

        /// <summary>What a later run reads back from the store.</summary>
        public ProvisionedState State() => new(
            Applied.OfType<RegisterTenantStep>().Any(),
            Applied.OfType<CreateRoleStep>().ToDictionary(s => s.Role.Name, s => s.Role.Id),
            Applied.OfType<CreateSupportUserStep>().Any());
    }

    private static ProvisioningPlan Plan(ProvisionedState state) =>
        ProvisioningPlan.For(Tenant, "Comercial Sul", Package.Starter, DefaultIntegration.Mega, state, Guid.NewGuid).AsT0;

    [Fact]
    public void Provisioning_stores_the_tenant_then_the_four_standard_roles_then_the_support_user()
    {
        var store = new Store();

        var report = Plan(ProvisionedState.Empty).Run(store);

        Assert.True(report.Completed);
        Assert.Equal(["tenant", "role:Admin", "role:CRM - Diretor", "role:CRM - Coordenador", "role:CRM - Usuário", "user:suportecrm"],
            report.Steps.Select(s => s.Step.Key));
        Assert.All(report.Steps, s => Assert.Equal(StepOutcome.Succeeded, s.Outcome));
        Assert.Equal(6, store.Applied.Count);
    }

    [Fact]
    public void The_support_user_is_active_and_holds_the_Admin_role()
    {
        var store = new Store();
        Plan(ProvisionedState.Empty).Run(store);

        var support = store.Applied.OfType<CreateSupportUserStep>().Single().User;
        var admin = store.Applied.OfType<CreateRoleStep>().Single(s => s.Role.Name == "Admin").Role;
        Assert.Equal(("suportecrm", UserStatus.Active, true), (support.Login, support.Status, support.IsSupport));
        Assert.Equal([admin.Id], support.Roles);
        Assert.All(store.Applied.OfType<CreateRoleStep>(), s => Assert.True(s.Role.IsStandard));
    }

    [Fact]
    public void A_failing_step_is_reported_with_its_reason_and_stops_the_later_ones()
    {
        var store = new Store(refuses: "role:CRM - Coordenador");

        var report = Plan(ProvisionedState.Empty).Run(store);

        Assert.False(report.Completed);
        Assert.Equal([StepOutcome.Succeeded, StepOutcome.Succeeded, StepOutcome.Succeeded, StepOutcome.Failed, StepOutcome.NotRun, StepOutcome.NotRun],
            report.Steps.Select(s => s.Outcome));
        Assert.Equal("store.unavailable", Assert.Single(report.Steps[3].Problems).Code);
        Assert.Equal(3, store.Applied.Count);
    }

    [Fact]
    public void Running_again_after_a_failure_skips_what_is_done_and_resumes()
    {
        var store = new Store(refuses: "role:CRM - Coordenador");
        Plan(ProvisionedState.Empty).Run(store);
        var retryStore = new Store();
        retryStore.Applied.AddRange(store.Applied);

        var report = Plan(retryStore.State()).Run(retryStore);

        Assert.True(report.Completed);
        Assert.Equal([StepOutcome.AlreadyDone, StepOutcome.AlreadyDone, StepOutcome.AlreadyDone, StepOutcome.Succeeded, StepOutcome.Succeeded, StepOutcome.Succeeded],
            report.Steps.Select(s => s.Outcome));
        Assert.Equal(6, retryStore.Applied.Count);
    }

    [Fact]
    public void Running_a_completed_provisioning_again_changes_nothing()
    {
        var store = new Store();
        Plan(ProvisionedState.Empty).Run(store);

        var report = Plan(store.State()).Run(store);

        Assert.True(report.Completed);
        Assert.All(report.Steps, s => Assert.Equal(StepOutcome.AlreadyDone, s.Outcome));
        Assert.Equal(6, store.Applied.Count);
    }

    [Fact]
    public void A_resumed_run_links_the_support_user_to_the_Admin_role_already_stored()
    {
        var store = new Store(refuses: "user:suportecrm");
        Plan(ProvisionedState.Empty).Run(store);
        var storedAdmin = store.Applied.OfType<CreateRoleStep>().Single(s => s.Role.Name == "Admin").Role.Id;
        var retryStore = new Store();
        retryStore.Applied.AddRange(store.Applied);

        Plan(retryStore.State()).Run(retryStore);

        Assert.Equal([storedAdmin], retryStore.Applied.OfType<CreateSupportUserStep>().Single().User.Roles);
    }

    [Fact]
    public void An_invalid_request_yields_no_plan()
    {
        var invalid = ProvisioningPlan.For(Tenant, "", Package.Freemium, null, ProvisionedState.Empty, Guid.NewGuid).AsT1;

        Assert.Equal("tenant.name.required", Assert.Single(invalid.Problems).Code);
    }

    [Fact]
    public void Each_step_describes_itself_for_the_provisioning_screen()
    {
        var plan = Plan(ProvisionedState.Empty);

        Assert.Equal("Cadastrar o tenant Comercial Sul", plan.Steps[0].Step.Description);
        Assert.Equal("Criar o papel CRM - Diretor", plan.Steps[2].Step.Description);
        Assert.Equal("Criar o usuário suportecrm", plan.Steps[5].Step.Description);
    }
}

using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;

namespace Crm.Domain.Tests.Tenancy;

public class TenantTests
{
    private static readonly TenantId Id = new(Guid.NewGuid());

    [Fact]
    public void A_tenant_has_a_name_a_package_and_an_optional_default_integration()
    {
        var tenant = Tenant.Create(Id, "  Comercial Sul  ", Package.Starter, DefaultIntegration.SeniorErpX).AsT0;

        Assert.Equal(("Comercial Sul", Package.Starter, DefaultIntegration.SeniorErpX), (tenant.Name, tenant.Package, tenant.DefaultIntegration));
        Assert.Null(Tenant.Create(Id, "Sem ERP", Package.Freemium, null).AsT0.DefaultIntegration);
    }

    [Fact]
    public void Every_problem_of_the_request_is_listed()
    {
        var invalid = Tenant.Create(new TenantId(Guid.Empty), " ", (Package)9, (DefaultIntegration)9).AsT1;

        Assert.Equal(["tenant.id.required", "tenant.name.required", "tenant.package.unknown", "tenant.default_integration.unknown"],
            invalid.Problems.Select(p => p.Code));
    }

    [Fact]
    public void After_moving_off_Freemium_new_users_wait_for_support_activation()
    {
        var tenant = Tenant.Create(Id, "Comercial Sul", Package.Freemium, DefaultIntegration.Mega).AsT0;

        tenant.ChangePackage(Package.Starter);
        var user = User.Arrive(new UserId(Guid.NewGuid()), Id, "novo", "Novo", null, tenant.Package).AsT0;

        Assert.Equal((Package.Starter, UserStatus.Inactive), (tenant.Package, user.Status));
        Assert.Throws<ArgumentOutOfRangeException>(() => tenant.ChangePackage((Package)9));
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        var invalid = Tenant.Create(Id, new string('x', Tenant.MaxNameLength + 1), Package.Advanced, null).AsT1;

        Assert.Equal("tenant.name.too_long", Assert.Single(invalid.Problems).Code);
    }
}

public class ActivationTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    [Theory]
    [InlineData(Package.Freemium, UserStatus.Active)]
    [InlineData(Package.Starter, UserStatus.Inactive)]
    [InlineData(Package.Advanced, UserStatus.Inactive)]
    public void Synced_users_are_activated_automatically_only_on_Freemium(Package package, UserStatus expected)
    {
        var user = User.Arrive(new UserId(Guid.NewGuid()), Tenant, "Ana.Souza", "Ana Souza", "ana@empresa.com.br", package).AsT0;

        Assert.Equal(expected, user.Status);
        Assert.Equal(expected, Activation.OnArrival(package));
    }

    [Theory]
    [InlineData(Package.Starter)]
    [InlineData(Package.Advanced)]
    public void On_paid_packages_only_CRM_support_activates_users(Package package)
    {
        var (support, director, newcomer) = (Support(), Arrived(Package.Freemium), Arrived(package));

        var byDirector = newcomer.Activate(director, package);
        Assert.Equal("user.activation.support_only", Assert.Single(byDirector.AsT1.Problems).Code);
        Assert.Equal(UserStatus.Inactive, newcomer.Status);

        Assert.True(newcomer.Activate(support, package).IsT0);
        Assert.Equal(UserStatus.Active, newcomer.Status);
    }

    [Fact]
    public void On_Freemium_any_active_user_may_reactivate_a_deactivated_user()
    {
        var (colleague, user) = (Arrived(Package.Freemium), Arrived(Package.Freemium));
        user.Deactivate();

        Assert.True(user.Activate(colleague, Package.Freemium).IsT0);
        Assert.Equal(UserStatus.Active, user.Status);
    }

    [Fact]
    public void An_inactive_user_activates_nobody()
    {
        var user = Arrived(Package.Freemium);
        user.Deactivate();
        var inactive = Arrived(Package.Starter);

        Assert.False(Activation.CanActivate(inactive, Package.Freemium));
        Assert.True(user.Activate(inactive, Package.Freemium).IsT1);
        Assert.Equal(UserStatus.Inactive, user.Status);
    }

    [Fact]
    public void The_support_user_cannot_be_deactivated()
    {
        var support = Support();

        Assert.Equal("user.support.deactivate", Assert.Single(support.Deactivate().AsT1.Problems).Code);
        Assert.Equal(UserStatus.Active, support.Status);
    }

    private static User Arrived(Package package) =>
        User.Arrive(new UserId(Guid.NewGuid()), Tenant, $"user{Guid.NewGuid():N}", "Usuário", null, package).AsT0;

    internal static User Support()
    {
        var plan = ProvisioningPlan.For(Tenant, "T", Package.Advanced, null, ProvisionedState.Empty, Guid.NewGuid).AsT0;
        return plan.Steps.Select(s => s.Step).OfType<CreateSupportUserStep>().Single().User;
    }
}

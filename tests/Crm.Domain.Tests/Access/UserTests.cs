using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;

namespace Crm.Domain.Tests.Access;

public class UserTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    [Fact]
    public void A_synced_user_has_a_lower_case_login_a_name_an_e_mail_and_no_roles_yet()
    {
        var user = User.Arrive(new UserId(Guid.NewGuid()), Tenant, " Ana.Souza ", "Ana Souza", "ana@empresa.com.br", Package.Advanced).AsT0;

        Assert.Equal(("ana.souza", "Ana Souza", "ana@empresa.com.br"), (user.Login, user.Name, user.Email!.Value.Value));
        Assert.Empty(user.Roles);
        Assert.Empty(user.Companies);
        Assert.False(user.IsSupport);
    }

    [Fact]
    public void Every_problem_of_a_synced_user_is_listed()
    {
        var invalid = User.Arrive(new UserId(Guid.NewGuid()), Tenant, "", new string('x', 101), "não é e-mail", Package.Freemium).AsT1;

        Assert.Equal(["login", "name", "email"], invalid.Problems.Select(p => p.Field));
        Assert.Equal(["user.login.required", "user.name.too_long"], invalid.Problems.Take(2).Select(p => p.Code));
    }

    [Fact]
    public void A_user_needs_at_least_one_role()
    {
        var user = Users.Active(Tenant);

        Assert.Equal("user.roles.required", Assert.Single(user.AssignRoles([]).AsT1.Problems).Code);
    }

    [Fact]
    public void Department_function_and_the_portal_chart_preference_are_kept()
    {
        var user = Users.Active(Tenant);
        var (department, function) = (new DepartmentId(Guid.NewGuid()), new JobFunctionId(Guid.NewGuid()));

        user.Describe(department, function, seesAllPortalCharts: true);

        Assert.Equal((department, function, true), (user.Department, user.Function, user.SeesAllPortalCharts));
    }

    [Fact]
    public void Company_branch_pairs_drop_repeats_and_branches_already_covered_by_their_whole_company()
    {
        var (c1, c2, b1, b2) = (new CompanyId(Guid.NewGuid()), new CompanyId(Guid.NewGuid()), new BranchId(Guid.NewGuid()), new BranchId(Guid.NewGuid()));
        var user = Users.Active(Tenant);

        user.AllowCompanies([new(c1, b1), new(c1, null), new(c2, b2), new(c2, b2)]);

        Assert.Equal([new CompanyBranch(c1, null), new CompanyBranch(c2, b2)], user.Companies);
    }

    [Fact]
    public void A_user_reports_to_a_manager_of_the_hierarchy()
    {
        var (boss, user) = (Users.Active(Tenant), Users.Active(Tenant));
        var hierarchy = Hierarchy.Of([boss, user]).AsT0;

        Assert.True(user.ReportTo(boss.Id, hierarchy).IsT0);
        Assert.Equal(boss.Id, user.Manager);
        Assert.True(user.ReportTo(null, hierarchy).IsT0);
        Assert.Null(user.Manager);
    }

    [Fact]
    public void A_manager_outside_the_CRM_or_below_the_user_is_refused()
    {
        var (boss, user) = (Users.Active(Tenant), Users.Active(Tenant));
        user.ReportTo(boss.Id, Hierarchy.Of([boss, user]).AsT0);
        var hierarchy = Hierarchy.Of([boss, user]).AsT0;

        var outsider = boss.ReportTo(new UserId(Guid.NewGuid()), hierarchy).AsT1;
        var cycle = boss.ReportTo(user.Id, hierarchy).AsT1;

        Assert.Equal("hierarchy.manager.unknown", Assert.Single(outsider.Problems).Code);
        Assert.Equal("hierarchy.cycle", Assert.Single(cycle.Problems).Code);
        Assert.Null(boss.Manager);
    }
}

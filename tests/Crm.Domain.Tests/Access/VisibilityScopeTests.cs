using System.Linq.Expressions;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using static Crm.Domain.Tests.Access.Users;

namespace Crm.Domain.Tests.Access;

public class VisibilityScopeTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly CompanyId Company = new(Guid.NewGuid());
    private static readonly BranchId Branch = new(Guid.NewGuid());

    public sealed record Rec(UserId? Owner, CompanyId? Company, BranchId? Branch);

    private static readonly Hierarchy Team = Hierarchy.Build([(Id(1), null), (Id(2), Id(1)), (Id(3), Id(2)), (Id(4), null)]).AsT0;

    private static VisibilityScope ScopeOf(int user, StandardRole standard, params CompanyBranch[] pairs)
    {
        var person = Active(Tenant, Id(user));
        var role = Role.Standard(new RoleId(Guid.NewGuid()), Tenant, standard);
        person.AssignRoles([role.Id]);
        person.AllowCompanies(pairs);
        return VisibilityScope.Of(person, EffectiveAccess.Of(person, [role]), Team);
    }

    [Fact]
    public void A_Coordenador_sees_its_own_and_every_subordinate_s_owners()
    {
        var scope = ScopeOf(1, StandardRoles.Coordenador, new CompanyBranch(Company, null));

        Assert.Equal([Id(1), Id(2), Id(3)], scope.Owners!.OrderBy(u => u.Value));
        Assert.Equal([new CompanyBranch(Company, null)], scope.Companies);
    }

    [Fact]
    public void A_Diretor_sees_every_owner_of_its_companies_and_Admin_every_company()
    {
        var diretor = ScopeOf(4, StandardRoles.Diretor, new CompanyBranch(Company, Branch));
        var admin = ScopeOf(4, StandardRoles.Admin);

        Assert.Null(diretor.Owners);
        Assert.Equal([new CompanyBranch(Company, Branch)], diretor.Companies);
        Assert.Null(admin.Owners);
        Assert.Null(admin.Companies);
        Assert.True(admin.Allows(null, new CompanyId(Guid.NewGuid()), null));
    }

    [Fact]
    public void A_user_without_company_pairs_sees_only_records_that_belong_to_no_company()
    {
        var scope = ScopeOf(1, StandardRoles.Diretor);

        Assert.True(scope.Allows(Id(1), null, null));
        Assert.False(scope.Allows(Id(1), Company, Branch));
    }

    [Fact]
    public void A_branch_pair_covers_only_that_branch_and_a_company_pair_every_branch()
    {
        var byBranch = ScopeOf(1, StandardRoles.Usuario, new CompanyBranch(Company, Branch));
        var byCompany = ScopeOf(1, StandardRoles.Usuario, new CompanyBranch(Company, null));
        var otherBranch = new BranchId(Guid.NewGuid());

        Assert.True(byBranch.Allows(Id(1), Company, Branch));
        Assert.False(byBranch.Allows(Id(1), Company, otherBranch));
        Assert.False(byBranch.Allows(Id(1), Company, null));
        Assert.True(byCompany.Allows(Id(1), Company, otherBranch));
        Assert.True(byCompany.Allows(Id(1), Company, null));
    }

    [Fact]
    public void Records_without_an_owner_are_seen_only_with_reach_All()
    {
        Assert.False(ScopeOf(1, StandardRoles.Coordenador, new CompanyBranch(Company, null)).Allows(null, Company, Branch));
        Assert.True(ScopeOf(1, StandardRoles.Diretor, new CompanyBranch(Company, null)).Allows(null, Company, Branch));
    }

    [Fact]
    public void An_inactive_user_sees_nothing()
    {
        var person = Active(Tenant, Id(1));
        var role = Role.Standard(new RoleId(Guid.NewGuid()), Tenant, StandardRoles.Admin);
        person.AssignRoles([role.Id]);
        person.Deactivate();

        var scope = VisibilityScope.Of(person, EffectiveAccess.Of(person, [role]), Team);

        Assert.False(scope.Allows(Id(1), null, null));
        Assert.Empty(new[] { new Rec(Id(1), null, null) }.AsQueryable().Where(scope.For<Rec>(r => r.Owner, r => r.Company, r => r.Branch)));
    }

    [Fact]
    public void The_predicate_reads_the_scope_s_ids_from_a_captured_object_so_a_provider_sends_them_as_parameters()
    {
        var scope = ScopeOf(1, StandardRoles.Coordenador, new CompanyBranch(Company, null), new CompanyBranch(new CompanyId(Guid.NewGuid()), Branch));

        var predicate = scope.For<Rec>(r => r.Owner, r => r.Company, r => r.Branch);

        var constants = new ConstantCollector();
        constants.Visit(predicate);
        Assert.DoesNotContain(constants.Types, t => t == typeof(UserId?[]) || t == typeof(CompanyId?) || t == typeof(BranchId?) || t == typeof(UserId));
        Assert.Contains(constants.Types, t => t.IsClass && t != typeof(string));
    }

    [Fact]
    public void Entities_with_a_non_nullable_owner_use_the_same_predicate()
    {
        var scope = ScopeOf(2, StandardRoles.Coordenador, new CompanyBranch(Company, null));
        var rows = new[] { (Owner: Id(3), Company), (Owner: Id(1), Company) };

        var visible = rows.AsQueryable().Where(scope.For<(UserId Owner, CompanyId Company)>(r => r.Owner, r => r.Company, r => null)).ToList();

        Assert.Equal([Id(3)], visible.Select(r => r.Owner));
    }

    private sealed class ConstantCollector : ExpressionVisitor
    {
        public List<Type> Types { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null)
                Types.Add(node.Type);
            return base.VisitConstant(node);
        }
    }
}

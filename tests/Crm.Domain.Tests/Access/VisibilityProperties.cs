using Crm.Domain.Access;
using Crm.Domain.Identity;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Access.HierarchyProperties;
using static Crm.Domain.Tests.Access.Users;

namespace Crm.Domain.Tests.Access;

/// <summary>
/// Visibility over a random hierarchy and random records. Each scope is evaluated three ways — the expression run by
/// LINQ's <c>AsQueryable()</c>, the expression compiled, and <see cref="VisibilityScope.Allows"/> — and all must match
/// a reference written from the rule: Usuário own, Coordenador own ∪ transitive subordinates, Diretor/Admin all, then
/// the company/branch pairs (except for Admin).
/// </summary>
public class VisibilityProperties
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly CompanyId[] CompanyIds = [.. Enumerable.Range(1, 3).Select(i => new CompanyId(new Guid(i, 1, 0, new byte[8])))];
    private static readonly BranchId[] BranchIds = [.. Enumerable.Range(1, 3).Select(i => new BranchId(new Guid(i, 2, 0, new byte[8])))];

    public sealed record Rec(UserId? Owner, CompanyId? Company, BranchId? Branch);

    private static Rec[] Records(int[] managers, (int Owner, int Company, int Branch)[] raw) =>
        [.. raw.Select(r => new Rec(
            Pick(r.Owner, managers.Length, Id),
            Pick(r.Company, CompanyIds.Length, i => CompanyIds[i]),
            Pick(r.Branch, BranchIds.Length, i => BranchIds[i])))];

    // One value in n+1 is null, so records without owner, company or branch are drawn too.
    private static T? Pick<T>(int seed, int n, Func<int, T> of) where T : struct
    {
        var i = (int)((uint)seed % (uint)(n + 1));
        return i == n ? null : of(i);
    }

    private static CompanyBranch[] Pairs((int Company, int Branch)[] raw) =>
        [.. raw.Select(p => new CompanyBranch(CompanyIds[(int)((uint)p.Company % 3)], Pick(p.Branch, BranchIds.Length, i => BranchIds[i])))];

    private static VisibilityScope Scope(int[] managers, int userIndex, DataReach reach, IEnumerable<CompanyBranch> pairs)
    {
        var user = Active(Tenant, Id(userIndex));
        var role = Role.Create(new RoleId(Guid.NewGuid()), Tenant, "Papel", reach, []).AsT0;
        user.AssignRoles([role.Id]);
        user.AllowCompanies(pairs);
        return VisibilityScope.Of(user, EffectiveAccess.Of(user, [role]), Hierarchy.Build(Links(managers)).AsT0);
    }

    private static bool[] ThreeWaysAgree(VisibilityScope scope, Rec[] records)
    {
        var predicate = scope.For<Rec>(r => r.Owner, r => r.Company, r => r.Branch);
        var queried = records.AsQueryable().Where(predicate).ToHashSet(ReferenceEqualityComparer.Instance);
        var compiled = predicate.Compile();
        var answers = records.Select(r => queried.Contains(r)).ToArray();
        if (!records.Select(r => compiled(r)).SequenceEqual(answers) || !records.Select(r => scope.Allows(r.Owner, r.Company, r.Branch)).SequenceEqual(answers))
            throw new Xunit.Sdk.XunitException("AsQueryable, Compile and Allows disagree.");
        return answers;
    }

    private static bool OwnerRule(int[] managers, int user, DataReach reach, Rec r) => reach switch
    {
        DataReach.Own => r.Owner == Id(user),
        DataReach.Team => r.Owner is { } o && (o == Id(user) || Enumerable.Range(0, managers.Length).Any(v => Id(v) == o && IsBelow(managers, v, user))),
        _ => true,
    };

    private static bool CompanyRule(CompanyBranch[] pairs, Rec r) =>
        r.Company is not { } c || pairs.Any(p => p.Company == c && (p.Branch is null || p.Branch == r.Branch));

    [Property]
    public bool Each_reach_sees_exactly_its_owners_inside_the_user_s_company_branch_pairs(
        int[] rawManagers, (int, int, int)[] rawRecords, int userSeed, (int, int)[] rawPairs, bool team)
    {
        var managers = Forest([0, .. rawManagers]);
        var records = Records(managers, rawRecords);
        var user = (int)((uint)userSeed % managers.Length);
        var pairs = Pairs(rawPairs);
        return Enum.GetValues<DataReach>().All(reach =>
        {
            var seen = ThreeWaysAgree(Scope(managers, user, reach, pairs), records);
            return records.Select((r, i) => seen[i] == (OwnerRule(managers, user, reach, r) && (reach == DataReach.Platform || CompanyRule(pairs, r)))).All(ok => ok);
        });
    }

    [Property]
    public bool With_every_company_allowed_Usuario_sees_own_Coordenador_own_and_subordinates_Diretor_all(int[] rawManagers, (int, int, int)[] rawRecords, int userSeed)
    {
        var managers = Forest([0, .. rawManagers]);
        var records = Records(managers, rawRecords);
        var user = (int)((uint)userSeed % managers.Length);
        var everywhere = CompanyIds.Select(c => new CompanyBranch(c, null)).ToArray();
        var subordinates = Enumerable.Range(0, managers.Length).Where(v => IsBelow(managers, v, user)).Select(Id).ToHashSet();

        var own = ThreeWaysAgree(Scope(managers, user, DataReach.Own, everywhere), records);
        var teamView = ThreeWaysAgree(Scope(managers, user, DataReach.Team, everywhere), records);
        var all = ThreeWaysAgree(Scope(managers, user, DataReach.All, everywhere), records);

        return records.Select((r, i) =>
                own[i] == (r.Owner == Id(user))
                && teamView[i] == (r.Owner is { } o && (o == Id(user) || subordinates.Contains(o)))
                && all[i])
            .All(ok => ok);
    }

    [Property]
    public bool Company_branch_pairs_only_narrow_and_more_pairs_never_hide_a_record(
        int[] rawManagers, (int, int, int)[] rawRecords, int userSeed, (int, int)[] rawPairs, (int, int)[] morePairs, int reachSeed)
    {
        var managers = Forest([0, .. rawManagers]);
        var records = Records(managers, rawRecords);
        var user = (int)((uint)userSeed % managers.Length);
        var reach = (DataReach)((uint)reachSeed % 3);
        var everywhere = CompanyIds.Select(c => new CompanyBranch(c, null)).ToArray();

        var unrestricted = ThreeWaysAgree(Scope(managers, user, reach, everywhere), records);
        var narrow = ThreeWaysAgree(Scope(managers, user, reach, Pairs(rawPairs)), records);
        var wider = ThreeWaysAgree(Scope(managers, user, reach, [.. Pairs(rawPairs), .. Pairs(morePairs)]), records);

        return records.Select((_, i) => (!narrow[i] || unrestricted[i]) && (!narrow[i] || wider[i])).All(ok => ok);
    }
}

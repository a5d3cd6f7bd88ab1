using Crm.Domain.Access;
using Crm.Domain.Identity;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Access.Users;

namespace Crm.Domain.Tests.Access;

/// <summary>
/// Properties of the hierarchy over random forests. A forest is drawn as "the manager of user i is one of users 0..i-1,
/// or nobody", which is acyclic by construction; the reference answers climb manager links one by one.
/// </summary>
public class HierarchyProperties
{
    /// <summary>The manager index of each user (-1: none), from arbitrary integers.</summary>
    internal static int[] Forest(int[] raw) =>
        [.. raw.Select((r, i) => (int)((uint)r % (uint)(i + 1)) - 1)];

    internal static (UserId User, UserId? Manager)[] Links(int[] managers) =>
        [.. managers.Select((m, i) => (Id(i), m < 0 ? (UserId?)null : Id(m)))];

    /// <summary>Reference: climbs from <paramref name="user"/> and says whether <paramref name="ancestor"/> is met.</summary>
    internal static bool IsBelow(int[] managers, int user, int ancestor)
    {
        for (var up = managers[user]; up >= 0; up = managers[up])
            if (up == ancestor)
                return true;
        return false;
    }

    [Property]
    public bool Subordinates_are_exactly_the_users_whose_chain_of_managers_reaches_the_user(int[] raw)
    {
        var managers = Forest(raw);
        var hierarchy = Hierarchy.Build(Links(managers)).AsT0;
        return Enumerable.Range(0, managers.Length).All(u =>
            hierarchy.SubordinatesOf(Id(u)).SetEquals(Enumerable.Range(0, managers.Length).Where(v => IsBelow(managers, v, u)).Select(Id)));
    }

    [Property]
    public bool Subordination_is_transitive_and_acyclic(int[] raw)
    {
        var managers = Forest(raw);
        var hierarchy = Hierarchy.Build(Links(managers)).AsT0;
        return Enumerable.Range(0, managers.Length).Select(Id).All(u =>
        {
            var below = hierarchy.SubordinatesOf(u);
            return !below.Contains(u)
                   && below.All(v => hierarchy.SubordinatesOf(v).IsSubsetOf(below) && !hierarchy.SubordinatesOf(v).Contains(u));
        });
    }

    [Property]
    public bool A_new_manager_is_accepted_exactly_when_no_cycle_results_and_Build_agrees(int[] raw, int userSeed, int managerSeed)
    {
        var managers = Forest([0, .. raw]);
        var (user, manager) = ((int)((uint)userSeed % managers.Length), (int)((uint)managerSeed % managers.Length));
        var hierarchy = Hierarchy.Build(Links(managers)).AsT0;
        var expectedOk = manager != user && !IsBelow(managers, manager, user);

        var check = hierarchy.CheckManager(Id(user), Id(manager));
        managers[user] = manager;
        var rebuilt = Hierarchy.Build(Links(managers));

        return check.IsT0 == expectedOk && rebuilt.IsT0 == expectedOk
               && (expectedOk || check.AsT1.Problems.Single().Code == "hierarchy.cycle" && rebuilt.AsT1.Problems.Single().Code == "hierarchy.cycle");
    }
}

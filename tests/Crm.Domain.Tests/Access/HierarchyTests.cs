using Crm.Domain.Access;
using Crm.Domain.Identity;
using static Crm.Domain.Tests.Access.Users;

namespace Crm.Domain.Tests.Access;

public class HierarchyTests
{
    // 1 ← 2 ← 3 ← 4 and 1 ← 5: user 1 manages 2 and 5, 2 manages 3, 3 manages 4; 6 stands alone.
    private static Hierarchy Sample() =>
        Hierarchy.Build([(Id(1), null), (Id(2), Id(1)), (Id(3), Id(2)), (Id(4), Id(3)), (Id(5), Id(1)), (Id(6), null)]).AsT0;

    [Fact]
    public void Subordination_is_transitive()
    {
        var hierarchy = Sample();

        Assert.Equal([Id(2), Id(3), Id(4), Id(5)], hierarchy.SubordinatesOf(Id(1)).OrderBy(u => u.Value));
        Assert.Equal([Id(3), Id(4)], hierarchy.SubordinatesOf(Id(2)).OrderBy(u => u.Value));
        Assert.Empty(hierarchy.SubordinatesOf(Id(4)));
        Assert.Empty(hierarchy.SubordinatesOf(Id(6)));
    }

    [Fact]
    public void Direct_reports_and_managers_are_read_both_ways()
    {
        var hierarchy = Sample();

        Assert.Equal([Id(2), Id(5)], hierarchy.DirectReportsOf(Id(1)).OrderBy(u => u.Value));
        Assert.Equal(Id(3), hierarchy.ManagerOf(Id(4)));
        Assert.Null(hierarchy.ManagerOf(Id(1)));
        Assert.Equal(6, hierarchy.Count);
    }

    [Fact]
    public void A_cycle_is_refused_and_named_in_reporting_order()
    {
        var invalid = Hierarchy.Build([(Id(1), Id(3)), (Id(2), Id(1)), (Id(3), Id(2)), (Id(4), Id(4)), (Id(5), null)]).AsT1;

        Assert.All(invalid.Problems, p => Assert.Equal("hierarchy.cycle", p.Code));
        Assert.Equal(2, invalid.Problems.Count);
        Assert.Equal($"Hierarquia circular: {Id(1).Value} → {Id(3).Value} → {Id(2).Value} → {Id(1).Value}.", invalid.Problems[0].Message);
        Assert.Equal($"O usuário {Id(4).Value} não pode ser subordinado de si mesmo.", invalid.Problems[1].Message);
    }

    [Fact]
    public void A_manager_who_is_not_a_user_and_a_user_listed_twice_are_refused_together()
    {
        var invalid = Hierarchy.Build([(Id(1), Id(9)), (Id(2), null), (Id(2), Id(1))]).AsT1;

        Assert.Equal(["hierarchy.user.duplicate", "hierarchy.manager.unknown"], invalid.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Reporting_to_oneself_or_to_a_subordinate_would_close_a_cycle()
    {
        var hierarchy = Sample();

        var self = hierarchy.CheckManager(Id(2), Id(2)).AsT1;
        var below = hierarchy.CheckManager(Id(2), Id(4)).AsT1;

        Assert.Equal($"O usuário {Id(2).Value} não pode ser subordinado de si mesmo.", Assert.Single(self.Problems).Message);
        Assert.Equal($"Hierarquia circular: {Id(2).Value} → {Id(4).Value} → {Id(3).Value} → {Id(2).Value}.", Assert.Single(below.Problems).Message);
        Assert.True(hierarchy.CheckManager(Id(4), Id(5)).IsT0);
        Assert.True(hierarchy.CheckManager(Id(1), Id(6)).IsT0);
        Assert.True(hierarchy.CheckManager(Id(1), null).IsT0);
    }
}

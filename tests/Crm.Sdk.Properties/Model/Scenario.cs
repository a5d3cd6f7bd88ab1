using Crm.Domain.Access;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Sdk.Properties.Model;

/// <summary>The role a generated user holds: one of the standard roles, one of the scenario's custom roles, or none.</summary>
public enum RoleKind { Diretor, Coordenador, Usuario, Custom0, Custom1, None }

/// <summary>A custom role: a reach and the permissions it grants on the modules the scenarios exercise.</summary>
public sealed record CustomRole(DataReach Reach, Permission Accounts, Permission Leads, Permission Contacts, Permission Opportunities, Permission Boards,
    Permission Settings)
{
    public Permission On(Module module) => module switch
    {
        Module.Accounts => Accounts,
        Module.Leads => Leads,
        Module.Contacts => Contacts,
        Module.Opportunities => Opportunities,
        Module.Boards => Boards,
        Module.Settings => Settings,
        _ => Permission.None,
    };

    public override string ToString() => $"{Reach} [Accounts {Accounts}; Leads {Leads}; Contacts {Contacts}; Opportunities {Opportunities}; Boards {Boards}; Settings {Settings}]";
}

/// <summary>
/// A generated user. <see cref="Manager"/> is the index of an earlier user (so the hierarchy has no cycle);
/// <see cref="Pairs"/> index <see cref="Scenario.PairNames"/>, the company/branch pairs it works in.
/// </summary>
public sealed record UserSpec(RoleKind Role, RoleKind? Second, int? Manager, int[] Pairs, bool Inactive)
{
    public IEnumerable<RoleKind> Roles => new[] { Role, Second ?? RoleKind.None }.Where(r => r != RoleKind.None).Distinct();

    public override string ToString() =>
        $"{string.Join("+", Roles.DefaultIfEmpty(RoleKind.None))}{(Inactive ? " (inactive)" : "")}" +
        $"{(Manager is { } m ? $" reports to u{m}" : "")} in [{string.Join(", ", Pairs.Select(p => Scenario.PairNames[p]))}]";
}

/// <summary>The use cases a scenario draws from.</summary>
public enum OpKind
{
    OpenCard, GetCard, MoveCard, ArchiveCard, RestoreCard, LoseCard, ConvertCard, DeleteCard, ReleaseBoard,
    RegisterAccount, RegisterLead, UpdateAccount, UpdateLead, GetAccount, GetLead, ListAccounts, ConvertLead, Merge,
    AddContact, GetContact, UpdateContact, ListContacts, CheckAccount, RegisterCompany, ReadSettings, SaveSettings, CreateOpportunity, GetOpportunity, MoveOpportunity, WinOpportunity, LoseOpportunity,
}

/// <summary>
/// One use case by one actor. <see cref="Actor"/> indexes the scenario's users; one past them is the support user
/// (<c>suportecrm</c>, platform Admin), two past them a user unknown to the tenant. <see cref="A"/>, <see cref="B"/> and
/// <see cref="C"/> choose targets, owners and placements modulo what exists when the step runs, so any sequence is
/// meaningful and removing a step (shrinking) keeps the others meaningful.
/// </summary>
public sealed record Op(OpKind Kind, int Actor, int A, int B, int C, bool Stale)
{
    public override string ToString() => $"{Kind}(actor {Actor}, {A}, {B}, {C}{(Stale ? ", stale" : "")})";
}

/// <summary>
/// A lead or account stored before the steps run (registered by suportecrm, an account with an opportunity of its owner),
/// owned by user <see cref="Owner"/> (modulo the users) and placed at <see cref="Placement"/> (0: no company, else a pair).
/// A <see cref="Copy"/> is an account with the CNPJ of the previous stored record, written as an import before the engine
/// would (so that merges have duplicates to merge).
/// </summary>
public sealed record Stored(bool Lead, int Owner, int Placement, bool Copy = false)
{
    public override string ToString() =>
        $"{(Copy ? "imported copy of the previous record's CNPJ" : Lead ? "lead" : "account + opportunity")} of u{Owner} at {(Placement == 0 ? "no company" : Scenario.PairNames[Placement - 1])}";
}

/// <summary>A tenant (two custom roles, its users and their hierarchy, some stored records) and a sequence of use cases run in it.</summary>
/// <remarks>
/// <see cref="Boards"/>: two boards created by suportecrm, each released to the users it lists; every stored lead gets a card
/// on one of them.
/// </remarks>
public sealed record Scenario(CustomRole[] Roles, UserSpec[] Users, Stored[] Records, int[][] Boards, Op[] Ops)
{
    /// <summary>The company/branch pairs users may be given, and records placed in: two companies of two branches each.</summary>
    public static readonly string[] PairNames = ["E0", "E0/F0", "E0/F1", "E1", "E1/F0", "E1/F1"];

    public override string ToString() =>
        "\nroles:\n" + string.Concat(Roles.Select((r, i) => $"  Custom{i}: {r}\n")) +
        "users:\n" + string.Concat(Users.Select((u, i) => $"  u{i}: {u}\n")) +
        $"  (actor {Users.Length} = suportecrm, actor {Users.Length + 1} = unknown user)\n" +
        "stored:\n" + string.Concat(Records.Select((r, i) => $"  {i}: {r}\n")) +
        "boards:\n" + string.Concat(Boards.Select((b, i) => $"  board {i} released to suportecrm{string.Concat(b.Select(u => $", u{u}"))}\n")) +
        "ops:\n" + string.Concat(Ops.Select((o, i) => $"  {i,2}: {o}\n"));

    public static Arbitrary<Scenario> Arbitrary(int minOps, int maxOps) => Arb.From(Generate(minOps, maxOps), Shrink);

    public static Gen<Scenario> Generate(int minOps, int maxOps) =>
        from roles in CustomRoles().ArrayOf(2)
        from count in Gen.Choose(3, 7)
        from users in UserSpecs(count)
        from records in (from lead in Gen.Elements(true, false) from owner in Gen.Choose(0, count - 1)
                         from placement in Gen.Choose(0, PairNames.Length) from copy in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                         select new Stored(lead, owner, placement, copy)).ArrayOf().Select(r => r.Take(7).ToArray())
        from boards in Gen.SubListOf(Enumerable.Range(0, count).ToArray()).Select(b => b.ToArray()).ArrayOf(2)
        from length in Gen.Choose(minOps, maxOps)
        from ops in Operation(count).ArrayOf(length)
        select new Scenario(roles, users, records, boards, ops);

    /// <summary>Smaller scenarios: fewer steps (halves, then one step out), then fewer users' roles and scopes.</summary>
    public static IEnumerable<Scenario> Shrink(Scenario s)
    {
        if (s.Ops.Length > 1)
        {
            yield return s with { Ops = s.Ops[..(s.Ops.Length / 2)] };
            yield return s with { Ops = s.Ops[(s.Ops.Length / 2)..] };
        }
        for (var i = s.Ops.Length - 1; i >= 0; i--)
            yield return s with { Ops = [.. s.Ops[..i], .. s.Ops[(i + 1)..]] };
        for (var i = s.Records.Length - 1; i >= 0; i--)
            yield return s with { Records = [.. s.Records[..i], .. s.Records[(i + 1)..]] };
        for (var i = 0; i < s.Users.Length; i++)
        {
            var user = s.Users[i];
            if (user.Second is not null)
                yield return s with { Users = Replace(s.Users, i, user with { Second = null }) };
            if (user.Manager is not null)
                yield return s with { Users = Replace(s.Users, i, user with { Manager = null }) };
            if (user.Inactive)
                yield return s with { Users = Replace(s.Users, i, user with { Inactive = false }) };
        }
    }

    private static UserSpec[] Replace(UserSpec[] users, int index, UserSpec user) => [.. users[..index], user, .. users[(index + 1)..]];

    private static Gen<CustomRole> CustomRoles() =>
        from reach in Gen.Elements(DataReach.Own, DataReach.Team, DataReach.All)
        from grants in Gen.Choose(0, 127).Select(Valid).ArrayOf(6)
        select new CustomRole(reach, grants[0], grants[1], grants[2], grants[3], grants[4], grants[5]);

    // A grant the domain accepts: any right needs Access; rights beyond Access and View need View.
    private static Permission Valid(int bits)
    {
        var permission = (Permission)bits & Permission.All;
        if (permission != Permission.None)
            permission |= Permission.Access;
        if ((permission & ~(Permission.Access | Permission.View)) != 0)
            permission |= Permission.View;
        return permission;
    }

    private static Gen<UserSpec[]> UserSpecs(int count)
    {
        var role = Gen.Frequency(
            (3, Gen.Constant(RoleKind.Usuario)), (2, Gen.Constant(RoleKind.Coordenador)), (2, Gen.Constant(RoleKind.Diretor)),
            (2, Gen.Constant(RoleKind.Custom0)), (1, Gen.Constant(RoleKind.Custom1)), (1, Gen.Constant(RoleKind.None)));
        var users = Enumerable.Range(0, count).Select(index =>
            from main in role
            from second in Gen.Frequency((4, Gen.Constant<RoleKind?>(null)), (1, role.Select(r => (RoleKind?)r)))
            from manager in index == 0 ? Gen.Constant<int?>(null)
                : Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, index - 1).Select(m => (int?)m)))
            from pairs in Gen.SubListOf(Enumerable.Range(0, PairNames.Length).ToArray())
            from inactive in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new UserSpec(main, second, manager, [.. pairs], inactive));
        return Gen.CollectToSequence(users).Select(u => u.ToArray());
    }

    private static Gen<Op> Operation(int users) =>
        from kind in Gen.Frequency(
            (5, Gen.Constant(OpKind.RegisterAccount)), (3, Gen.Constant(OpKind.RegisterLead)), (4, Gen.Constant(OpKind.UpdateAccount)),
            (2, Gen.Constant(OpKind.UpdateLead)), (3, Gen.Constant(OpKind.GetAccount)), (2, Gen.Constant(OpKind.GetLead)),
            (2, Gen.Constant(OpKind.ListAccounts)), (3, Gen.Constant(OpKind.ConvertLead)), (2, Gen.Constant(OpKind.Merge)),
            (2, Gen.Constant(OpKind.AddContact)), (1, Gen.Constant(OpKind.GetContact)), (1, Gen.Constant(OpKind.UpdateContact)),
            (1, Gen.Constant(OpKind.ListContacts)), (1, Gen.Constant(OpKind.CheckAccount)), (1, Gen.Constant(OpKind.RegisterCompany)),
            (1, Gen.Constant(OpKind.ReadSettings)),
            (1, Gen.Constant(OpKind.SaveSettings)), (3, Gen.Constant(OpKind.CreateOpportunity)), (1, Gen.Constant(OpKind.GetOpportunity)),
            (3, Gen.Constant(OpKind.MoveOpportunity)), (2, Gen.Constant(OpKind.WinOpportunity)), (1, Gen.Constant(OpKind.LoseOpportunity)),
            (2, Gen.Constant(OpKind.OpenCard)), (2, Gen.Constant(OpKind.GetCard)), (2, Gen.Constant(OpKind.MoveCard)),
            (1, Gen.Constant(OpKind.ArchiveCard)), (1, Gen.Constant(OpKind.RestoreCard)), (1, Gen.Constant(OpKind.LoseCard)),
            (2, Gen.Constant(OpKind.ConvertCard)), (2, Gen.Constant(OpKind.DeleteCard)), (1, Gen.Constant(OpKind.ReleaseBoard)))
        from actor in Gen.Frequency((12, Gen.Choose(0, users - 1)), (1, Gen.Constant(users)), (1, Gen.Constant(users + 1)))
        from a in Gen.Choose(0, 60)
        from b in Gen.Choose(0, 60)
        from c in Gen.Choose(0, 60)
        from stale in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Op(kind, actor, a, b, c, stale);
}

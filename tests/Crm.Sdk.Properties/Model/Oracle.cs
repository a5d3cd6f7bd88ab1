using Crm.Domain.Access;
using Crm.Domain.Identity;

namespace Crm.Sdk.Properties.Model;

/// <summary>What the engine must answer for one step, decided by the oracle before the step runs.</summary>
public abstract record Expected
{
    /// <summary>Authorized: the engine may still refuse it for its content (invalid, duplicate, conflict), never deny or hide it.</summary>
    public sealed record Allowed : Expected;

    /// <summary>
    /// Denied with <paramref name="Code"/> (and, for a missing permission, naming <paramref name="Module"/>).
    /// <paramref name="OrInvalid"/>: the check comes after a domain rule that may refuse the step first (a card action's
    /// effect), so <see cref="Crm.Domain.Problems.Invalid"/> is as good — never a success.
    /// </summary>
    public sealed record Refused(string Code, Module? Module = null, bool OrInvalid = false) : Expected;

    /// <summary>The target is outside what the actor sees: indistinguishable from absent.</summary>
    public sealed record Hidden(bool OrInvalid = false) : Expected;

    /// <summary>The same expectation, where a domain rule may refuse the step as invalid before the check is reached.</summary>
    public Expected AfterDomainRules() => this switch
    {
        Refused r => r with { OrInvalid = true },
        Hidden => new Hidden(true),
        _ => this,
    };

    public static readonly Expected Yes = new Allowed();
    public static readonly Expected NotFound = new Hidden();
    public static readonly Expected BoardNotReleased = new Refused(Denied.BoardCode);
}

/// <summary>
/// The access rules written down independently of the engine, from the seed (001, "Papéis" and "Gestão de usuários"):
/// permissions per module × action are the union of the user's roles; CRM - Diretor has every permission and sees every
/// record of its companies/branches; CRM - Coordenador works (no delete) and exports on the commercial modules, only reads
/// settings, and sees its own records and those of its subordinates, transitively; CRM - Usuário works without deleting or
/// exporting, has no settings, and sees its own records; the platform Admin (suportecrm) does everything everywhere; an
/// inactive or unknown user does nothing. A record with a company is visible only inside the user's company/branch pairs
/// (a pair without branch covers the whole company); a record without a company by the owner rule alone.
/// </summary>
public sealed class Oracle
{
    private const Permission Work = Permission.Access | Permission.View | Permission.Include | Permission.Edit | Permission.Filter;
    private static readonly Module[] Commercial = [Module.Accounts, Module.Leads, Module.Contacts, Module.Opportunities, Module.Boards];

    private readonly Scenario _scenario;
    private readonly UserId[] _ids;
    private readonly (CompanyId Company, BranchId? Branch)[] _pairs;

    public Oracle(Scenario scenario, UserId[] ids, (CompanyId, BranchId?)[] pairs) => (_scenario, _ids, _pairs) = (scenario, ids, pairs);

    private int Support => _ids.Length;

    public bool Known(int actor) => actor <= Support;

    public bool Active(int actor) => actor == Support || actor < Support && !_scenario.Users[actor].Inactive;

    /// <summary>The refusal every use case starts with (unknown, inactive, missing permission), or null.</summary>
    public Expected? Gate(int actor, Module module, Permission action)
    {
        if (!Known(actor))
            return new Expected.Refused(Denied.UnknownUserCode);
        if (!Active(actor))
            return new Expected.Refused(Denied.InactiveCode);
        var wanted = Permission.Access | action;
        return (On(actor, module) & wanted) == wanted ? null : new Expected.Refused(Denied.PermissionCode, module);
    }

    public Permission On(int actor, Module module)
    {
        if (actor == Support)
            return Permission.All;
        return Roles(actor).Aggregate(Permission.None, (all, role) => all | role switch
        {
            RoleKind.Diretor => Permission.All,
            RoleKind.Coordenador => module == Module.Settings ? Permission.Access | Permission.View | Permission.Filter
                : Commercial.Contains(module) ? Work | Permission.Export : Permission.None,
            RoleKind.Usuario => Commercial.Contains(module) ? Work : Permission.None,
            RoleKind.Custom0 => _scenario.Roles[0].On(module),
            RoleKind.Custom1 => _scenario.Roles[1].On(module),
            _ => Permission.None,
        });
    }

    /// <summary>Whether the actor sees a record of <paramref name="owner"/> in <paramref name="company"/>/<paramref name="branch"/>.</summary>
    public bool Sees(int actor, UserId? owner, CompanyId? company, BranchId? branch)
    {
        if (!Known(actor) || !Active(actor))
            return false;
        if (actor == Support)
            return true;
        var reach = Reach(actor);
        var ownerSeen = reach switch
        {
            DataReach.Own => owner == _ids[actor],
            DataReach.Team => owner is { } o && Team(actor).Contains(o),
            _ => true,
        };
        return ownerSeen && (company is not { } c
            || _scenario.Users[actor].Pairs.Any(p => _pairs[p].Company == c && (_pairs[p].Branch is null || _pairs[p].Branch == branch)));
    }

    /// <summary>
    /// Whether the actor sees the cards of a board released to <paramref name="released"/> (seed 004: a board — "CRM" — is
    /// released to users): released to itself or, for a Coordenador, to one of its team; every board for a reach of all
    /// records (Diretor, Admin). Boards have no company: the company/branch pairs do not apply.
    /// </summary>
    public bool SeesCards(int actor, IReadOnlyCollection<UserId> released) =>
        Known(actor) && Active(actor) && (actor == Support || Reach(actor) >= DataReach.All
            || (Reach(actor) == DataReach.Team ? Team(actor) : [_ids[actor]]).Overlaps(released));

    /// <summary>Whether the actor may act on a board released to <paramref name="released"/>: released to itself, or reach of all records.</summary>
    public bool WorksOn(int actor, IReadOnlyCollection<UserId> released) =>
        Known(actor) && Active(actor) && (actor == Support || Reach(actor) >= DataReach.All || released.Contains(_ids[actor]));

    private DataReach Reach(int actor) => Roles(actor).Select(role => role switch
    {
        RoleKind.Diretor => DataReach.All,
        RoleKind.Coordenador => DataReach.Team,
        RoleKind.Custom0 => _scenario.Roles[0].Reach,
        RoleKind.Custom1 => _scenario.Roles[1].Reach,
        _ => DataReach.Own,
    }).DefaultIfEmpty(DataReach.Own).Max();

    // The actor and everyone below it: managers always come before their reports in the scenario.
    private HashSet<UserId> Team(int actor)
    {
        var team = new HashSet<int> { actor };
        for (var i = actor + 1; i < _ids.Length; i++)
            if (_scenario.Users[i].Manager is { } manager && team.Contains(manager))
                team.Add(i);
        return [.. team.Select(i => _ids[i])];
    }

    private IEnumerable<RoleKind> Roles(int actor) => _scenario.Users[actor].Roles;
}

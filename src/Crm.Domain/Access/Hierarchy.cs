using Crm.Domain.Identity;
using Crm.Domain.Problems;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Access;

/// <summary>
/// The reporting lines of a tenant (seed 001, <i>subordinado de</i>): each user has at most one manager, itself a user of
/// the hierarchy, and no user is its own manager however far up one climbs. Subordination is transitive: the reports of
/// a user's reports are its subordinates too. Built only when acyclic.
/// </summary>
public sealed class Hierarchy
{
    private static readonly IReadOnlyList<UserId> NoReports = [];

    private readonly Dictionary<UserId, UserId?> _managers;
    private readonly Dictionary<UserId, List<UserId>> _reports;

    private Hierarchy(Dictionary<UserId, UserId?> managers)
    {
        _managers = managers;
        _reports = [];
        foreach (var (user, manager) in managers)
            if (manager is { } m)
                (_reports.TryGetValue(m, out var list) ? list : _reports[m] = []).Add(user);
    }

    /// <summary>How many users it holds.</summary>
    public int Count => _managers.Count;

    /// <summary>The hierarchy of <paramref name="users"/>.</summary>
    public static Outcome<Hierarchy> Of(IEnumerable<User> users) => Build(users.Select(u => (u.Id, u.Manager)));

    /// <summary>
    /// The hierarchy of the given (user, manager) links, or every problem: a user listed twice, a manager who is not a
    /// user, and each cycle once (a user who manages itself is a cycle of one).
    /// </summary>
    public static Outcome<Hierarchy> Build(IEnumerable<(UserId User, UserId? Manager)> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var problems = new ProblemCollector();
        var managers = new Dictionary<UserId, UserId?>();
        foreach (var (user, manager) in links)
            if (!managers.TryAdd(user, manager))
                problems.Add(new Problem("user", AccessCodes.HierarchyUserDuplicate, $"O usuário {user.Value} aparece mais de uma vez."));
        foreach (var (user, manager) in managers)
            if (manager is { } m && !managers.ContainsKey(m))
                problems.Add(new Problem("manager", AccessCodes.HierarchyManagerUnknown, $"O gestor {m.Value} de {user.Value} não é um usuário do CRM."));
        problems.AddRange(Cycles(managers).Select(CycleProblem));
        return problems.HasProblems ? problems.ToInvalid() : new Hierarchy(managers);
    }

    /// <summary>True when <paramref name="user"/> is in the hierarchy.</summary>
    public bool Contains(UserId user) => _managers.ContainsKey(user);

    /// <summary>The manager of <paramref name="user"/>, if any.</summary>
    public UserId? ManagerOf(UserId user) => _managers.GetValueOrDefault(user);

    /// <summary>The users whose manager is <paramref name="user"/>.</summary>
    public IReadOnlyList<UserId> DirectReportsOf(UserId user) => _reports.TryGetValue(user, out var list) ? list : NoReports;

    /// <summary>Every subordinate of <paramref name="user"/>, direct or not (never the user itself).</summary>
    public IReadOnlySet<UserId> SubordinatesOf(UserId user) => AddSubordinates(user, []);

    /// <summary>Adds every subordinate of <paramref name="user"/> to <paramref name="found"/> (one walk, no intermediate set).</summary>
    internal HashSet<UserId> AddSubordinates(UserId user, HashSet<UserId> found)
    {
        var pending = new Stack<UserId>();
        pending.Push(user);
        while (pending.TryPop(out var next))
            foreach (var report in DirectReportsOf(next))
                if (found.Add(report))
                    pending.Push(report);
        return found;
    }

    /// <summary>
    /// Whether <paramref name="user"/> may report to <paramref name="manager"/>: the manager is a user of the hierarchy,
    /// and neither the user itself nor one of its subordinates (that would close a cycle).
    /// </summary>
    public Outcome<Success> CheckManager(UserId user, UserId? manager)
    {
        if (manager is not { } m)
            return new Success();
        if (!Contains(m))
            return new Invalid(new Problem("manager", AccessCodes.HierarchyManagerUnknown, $"O gestor {m.Value} não é um usuário do CRM."));
        // Climbing from the new manager reaches the user exactly when the manager is the user or one of its subordinates.
        for (UserId? up = m; up is { } current; up = ManagerOf(current))
            if (current == user)
                return new Invalid(CycleProblem(m == user ? [user] : [user, .. ChainUp(m, user)]));
        return new Success();
    }

    // The managers from `from` up to `to` (excluded): with the user in front, the cycle reads user → manager → ... → user.
    private List<UserId> ChainUp(UserId from, UserId to)
    {
        var chain = new List<UserId>();
        for (UserId? up = from; up is { } current && current != to; up = ManagerOf(current))
            chain.Add(current);
        return chain;
    }

    private static Problem CycleProblem(IReadOnlyList<UserId> cycle) =>
        new("manager", AccessCodes.HierarchyCycle,
            cycle.Count == 1
                ? $"O usuário {cycle[0].Value} não pode ser subordinado de si mesmo."
                : $"Hierarquia circular: {string.Join(" → ", cycle.Append(cycle[0]).Select(u => u.Value))}.");

    // Every user has at most one manager, so following managers from each user either ends or enters a cycle;
    // marking users as done makes the whole search linear.
    private static List<IReadOnlyList<UserId>> Cycles(Dictionary<UserId, UserId?> managers)
    {
        var cycles = new List<IReadOnlyList<UserId>>();
        var done = new HashSet<UserId>();
        var path = new List<UserId>();
        var onPath = new Dictionary<UserId, int>();
        foreach (var start in managers.Keys)
        {
            path.Clear();
            onPath.Clear();
            for (UserId? up = start; up is { } current && managers.ContainsKey(current) && !done.Contains(current); up = managers[current])
            {
                if (onPath.TryGetValue(current, out var at))
                {
                    cycles.Add(path[at..]);
                    break;
                }
                onPath[current] = path.Count;
                path.Add(current);
            }
            done.UnionWith(path);
        }
        return cycles;
    }
}

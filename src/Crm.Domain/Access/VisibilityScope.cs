using System.Linq.Expressions;
using System.Reflection;
using Crm.Domain.Identity;

namespace Crm.Domain.Access;

/// <summary>
/// Which records a user sees: the owners whose records it sees (its own; plus every subordinate's for a Coordenador;
/// everyone's for a Diretor) and the company/branch pairs it works in (ignored only for the platform Admin). Records
/// without a company are bound by the owner rule alone; records without an owner only by reach All or Platform.
/// An inactive user sees nothing. <see cref="For{T}"/> turns the scope into a predicate a LINQ provider (EF Core)
/// translates to SQL, so a query never loads a row the user may not see.
/// </summary>
public sealed class VisibilityScope
{
    private readonly HashSet<UserId>? _owners;
    private readonly CompanyBranch[]? _companies;

    private VisibilityScope(HashSet<UserId>? owners, CompanyBranch[]? companies) => (_owners, _companies) = (owners, companies);

    /// <summary>The owners whose records are visible; null when every owner's are.</summary>
    public IReadOnlySet<UserId>? Owners => _owners;

    /// <summary>The company/branch pairs the records must belong to; null when every company's are visible.</summary>
    public IReadOnlyList<CompanyBranch>? Companies => _companies;

    /// <summary>The scope of <paramref name="user"/>, whose roles gave <paramref name="access"/>, in <paramref name="hierarchy"/>.</summary>
    public static VisibilityScope Of(User user, EffectiveAccess access, Hierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(hierarchy);
        if (user.Status != UserStatus.Active)
            return new VisibilityScope([], []);
        HashSet<UserId>? owners = access.Reach switch
        {
            DataReach.Own => [user.Id],
            DataReach.Team => hierarchy.AddSubordinates(user.Id, [user.Id]),
            _ => null,
        };
        return new VisibilityScope(owners, access.Reach == DataReach.Platform ? null : [.. user.Companies]);
    }

    /// <summary>Whether a record owned by <paramref name="owner"/> in <paramref name="company"/>/<paramref name="branch"/> is visible.</summary>
    public bool Allows(UserId? owner, CompanyId? company, BranchId? branch) =>
        (_owners is null || owner is { } o && _owners.Contains(o))
        && (_companies is null || company is not { } c || Covers(c, branch));

    // A loop rather than Array.Exists with a lambda: the lambda captures the record's company and branch, so every check
    // allocated a closure and a delegate (an authorization check must allocate nothing).
    private bool Covers(CompanyId company, BranchId? branch)
    {
        foreach (var pair in _companies!)
            if (pair.Covers(company, branch))
                return true;
        return false;
    }

    /// <summary>
    /// The predicate "visible to this scope" over <typeparamref name="T"/>, given how to read a record's owner, company and
    /// branch, e.g. <c>scope.For&lt;Account&gt;(a =&gt; a.Data.Owner, a =&gt; a.Data.Company, a =&gt; a.Data.Branch)</c>.
    /// The scope's ids enter the tree as captured values, so EF Core sends them as parameters (one query plan per
    /// shape, not per user); it is built from <c>Contains</c>, <c>==</c>, <c>&amp;&amp;</c> and <c>||</c> only.
    /// </summary>
    public Expression<Func<T, bool>> For<T>(
        Expression<Func<T, UserId?>> owner, Expression<Func<T, CompanyId?>> company, Expression<Func<T, BranchId?>> branch)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(branch);
        var record = Expression.Parameter(typeof(T), "record");
        var ownerOf = Rebind(owner, record);
        var companyOf = Rebind(company, record);
        var branchOf = Rebind(branch, record);
        var values = new Captured(_owners, _companies);
        var captured = Expression.Constant(values);

        Expression body = Expression.Constant(true);
        if (_owners is not null)
            body = Expression.Call(ContainsOf<UserId?>(), Expression.Field(captured, nameof(Captured.Owners)), ownerOf);
        if (_companies is not null)
        {
            // No company, or the company of a whole-company pair, or one of the exact company/branch pairs.
            Expression inScope = Expression.Equal(companyOf, Expression.Constant(null, typeof(CompanyId?)));
            if (values.WholeCompanies.Length > 0)
                inScope = Expression.OrElse(inScope,
                    Expression.Call(ContainsOf<CompanyId?>(), Expression.Field(captured, nameof(Captured.WholeCompanies)), companyOf));
            for (var i = 0; i < values.PairCompanies.Length; i++)
                inScope = Expression.OrElse(inScope, Expression.AndAlso(
                    Expression.Equal(companyOf, Expression.ArrayIndex(Expression.Field(captured, nameof(Captured.PairCompanies)), Expression.Constant(i))),
                    Expression.Equal(branchOf, Expression.ArrayIndex(Expression.Field(captured, nameof(Captured.PairBranches)), Expression.Constant(i)))));
            body = _owners is null ? inScope : Expression.AndAlso(body, inScope);
        }
        return Expression.Lambda<Func<T, bool>>(body, record);
    }

    private static MethodInfo ContainsOf<TItem>() =>
        new Func<IEnumerable<TItem>, TItem, bool>(Enumerable.Contains).Method;

    private static Expression Rebind(LambdaExpression selector, ParameterExpression record) =>
        new ParameterSwap(selector.Parameters[0], record).Visit(selector.Body);

    // The values the predicate reads, held by an object so that a LINQ provider sees member accesses (parameters), not literals.
    private sealed class Captured(HashSet<UserId>? owners, CompanyBranch[]? companies)
    {
        public readonly UserId?[] Owners = owners?.Select(o => (UserId?)o).ToArray() ?? [];
        public readonly CompanyId?[] WholeCompanies = companies?.Where(p => p.Branch is null).Select(p => (CompanyId?)p.Company).ToArray() ?? [];
        public readonly CompanyId?[] PairCompanies = companies?.Where(p => p.Branch is not null).Select(p => (CompanyId?)p.Company).ToArray() ?? [];
        public readonly BranchId?[] PairBranches = companies?.Where(p => p.Branch is not null).Select(p => p.Branch).ToArray() ?? [];
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

using System.Linq.Expressions;

namespace Crm.Domain.Boards.Filters;

/// <summary>Combines predicate expressions over one parameter, so the result stays a single translatable lambda.</summary>
internal static class Predicate
{
    /// <summary>All of <paramref name="parts"/> (true when empty).</summary>
    public static Expression<Func<T, bool>> All<T>(IEnumerable<Expression<Func<T, bool>>> parts) =>
        Fold(parts, Expression.AndAlso, true);

    /// <summary>Any of <paramref name="parts"/> (false when empty).</summary>
    public static Expression<Func<T, bool>> Any<T>(IEnumerable<Expression<Func<T, bool>>> parts) =>
        Fold(parts, Expression.OrElse, false);

    /// <summary>The negation of <paramref name="predicate"/>.</summary>
    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary><paramref name="test"/> applied to the value <paramref name="selector"/> picks: <c>x =&gt; test(selector(x))</c>, inlined.</summary>
    public static Expression<Func<T, bool>> On<T, TKey>(Expression<Func<T, TKey>> selector, Expression<Func<TKey, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(new Substitute(test.Parameters[0], selector.Body).Visit(test.Body), selector.Parameters);

    private static Expression<Func<T, bool>> Fold<T>(
        IEnumerable<Expression<Func<T, bool>>> parts, Func<Expression, Expression, BinaryExpression> join, bool empty)
    {
        var parameter = Expression.Parameter(typeof(T), "card");
        Expression? body = null;
        foreach (var part in parts)
        {
            var rebased = new Substitute(part.Parameters[0], parameter).Visit(part.Body);
            body = body is null ? rebased : join(body, rebased);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(empty), parameter);
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

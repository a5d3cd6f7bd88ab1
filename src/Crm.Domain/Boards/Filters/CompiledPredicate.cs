using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Crm.Domain.Boards.Filters;

/// <summary>
/// Compiles a predicate once per shape instead of once per query: the captured values (closure objects) are lifted
/// into an argument array, so every query with the same criteria reuses one compiled delegate with its own values.
/// Compiling costs milliseconds; a board is filtered on every screen refresh.
/// </summary>
/// <typeparam name="T">What the predicate tests.</typeparam>
internal static class CompiledPredicate<T>
{
    private const int MaxShapes = 1024;
    private static readonly ConcurrentDictionary<string, Func<T, object[], bool>> Cache = new();

    public static Func<T, bool> Of(Expression<Func<T, bool>> predicate)
    {
        var lifter = new ClosureLifter();
        var body = lifter.Visit(predicate.Body);
        if (Cache.Count > MaxShapes)
            Cache.Clear();
        // The text names closure members but not their declaring types, so the types' full names join the key.
        var shape = $"{body}|{string.Join(",", lifter.Values.Select(v => v.GetType().FullName))}";
        var compiled = Cache.GetOrAdd(shape, _ =>
            Expression.Lambda<Func<T, object[], bool>>(body, predicate.Parameters[0], lifter.Arguments).Compile());
        var values = lifter.Values.ToArray();
        return item => compiled(item, values);
    }

    /// <summary>Replaces each captured closure object by <c>(Closure)arguments[i]</c>, remembering the objects in order.</summary>
    private sealed class ClosureLifter : ExpressionVisitor
    {
        public ParameterExpression Arguments { get; } = Expression.Parameter(typeof(object[]), "arguments");

        public List<object> Values { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is null || node.Type.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
                return node;
            Values.Add(node.Value);
            return Expression.Convert(Expression.ArrayIndex(Arguments, Expression.Constant(Values.Count - 1)), node.Type);
        }
    }
}

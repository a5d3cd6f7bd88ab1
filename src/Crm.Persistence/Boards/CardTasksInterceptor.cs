using System.Linq.Expressions;
using System.Reflection;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Tasks;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Persistence.Boards;

/// <summary>
/// Lets a query count a card's tasks: the domain exposes them as a read-only view (<see cref="Card.Tasks"/>) that EF
/// cannot map, while the stored list is the <c>_tasks</c> field (the JSON column <c>Tasks</c>). Before a query compiles,
/// <c>card.Tasks.Count</c> becomes the field's count, which EF translates (json_each on SQLite, jsonb_to_recordset on
/// PostgreSQL), so the board filter's "has tasks" runs in SQL.
/// </summary>
internal sealed class CardTasksInterceptor : IQueryExpressionInterceptor
{
    /// <summary>The one instance: EF builds its internal services once per distinct set of interceptors.</summary>
    public static CardTasksInterceptor Instance { get; } = new();

    private CardTasksInterceptor()
    {
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new TasksCount().Visit(queryExpression);

    private sealed class TasksCount : ExpressionVisitor
    {
        private static readonly PropertyInfo View = typeof(Card).GetProperty(nameof(Card.Tasks))!;

        private static readonly MethodInfo Field =
            typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(List<SalesTask>));

        protected override Expression VisitMember(MemberExpression node) =>
            node is { Member.Name: nameof(List<SalesTask>.Count), Expression: MemberExpression { Member: var member } tasks } && member == View
                ? Expression.Property(Expression.Call(Field, Visit(tasks.Expression)!, Expression.Constant(TaskMapping.Field)), nameof(List<SalesTask>.Count))
                : base.VisitMember(node);
    }
}

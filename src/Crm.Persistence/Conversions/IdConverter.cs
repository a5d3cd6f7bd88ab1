using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Persistence.Conversions;

/// <summary>
/// Stores a strongly typed id of the domain (a record struct over one <see cref="Guid"/>, e.g. <c>AccountId</c>) as its Guid.
/// One generic converter serves every id type, so a new id type needs no code here.
/// </summary>
internal sealed class IdConverter<TId>() : ValueConverter<TId, Guid>(ToGuid, FromGuid)
    where TId : struct
{
    private static readonly Expression<Func<TId, Guid>> ToGuid = Build<TId, Guid>(p => Expression.Property(p, "Value"));

    private static readonly Expression<Func<Guid, TId>> FromGuid =
        Build<Guid, TId>(p => Expression.New(typeof(TId).GetConstructor([typeof(Guid)])!, p));

    private static Expression<Func<TIn, TOut>> Build<TIn, TOut>(Func<ParameterExpression, Expression> body)
    {
        var parameter = Expression.Parameter(typeof(TIn), "v");
        return Expression.Lambda<Func<TIn, TOut>>(body(parameter), parameter);
    }
}

/// <summary>Finds the id types of the domain: value types with a <c>Guid Value</c> property and a constructor taking it.</summary>
internal static class IdTypes
{
    public static IEnumerable<Type> In(Assembly assembly) => assembly.GetExportedTypes().Where(t =>
        t.IsValueType && !t.IsEnum && t.GetProperty("Value")?.PropertyType == typeof(Guid) && t.GetConstructor([typeof(Guid)]) is not null);
}

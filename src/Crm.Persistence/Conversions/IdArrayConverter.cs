using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Persistence.Conversions;

/// <summary>
/// Stores an <see cref="ImmutableArray{T}"/> of ids (a card's tags or members) as their Guids joined by commas:
/// EF cannot fill an immutable array as a primitive collection, and these short lists are never queried inside.
/// </summary>
internal sealed class IdArrayConverter<TId>() : ValueConverter<ImmutableArray<TId>, string>(
    ids => string.Join(',', ids.Select(id => Id.ConvertToProvider(id))),
    text => text.Length == 0 ? ImmutableArray<TId>.Empty : text.Split(',', StringSplitOptions.None).Select(g => (TId)Id.ConvertFromProvider(Guid.Parse(g))!).ToImmutableArray())
    where TId : struct
{
    private static readonly IdConverter<TId> Id = new();
}

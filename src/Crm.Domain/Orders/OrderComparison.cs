namespace Crm.Domain.Orders;

/// <summary>One difference between an order and its copy: the field and its value in each (null when absent).</summary>
/// <param name="Field">The field: <c>header.x</c>, <c>document.freight</c>, <c>items[N].x</c> (N the original's item number), or <c>items[+M]</c> for an item the copy added (M its number).</param>
/// <param name="Original">The value in the original.</param>
/// <param name="Copy">The value in the copy.</param>
public sealed record OrderDifference(string Field, string? Original, string? Copy)
{
    /// <summary>The field: <c>header.x</c>, <c>document.freight</c>, <c>items[N].x</c> (N the original's item number), or <c>items[+M]</c> for an item the copy added (M its number).</summary>
    public string Field { get; init; } = Field;

    /// <summary>The value in the original.</summary>
    public string? Original { get; init; } = Original;

    /// <summary>The value in the copy.</summary>
    public string? Copy { get; init; } = Copy;
}

/// <summary>The comparison of an order with its copy (comparativo da cópia de pedido): exactly the fields edited since the copy.</summary>
public static class OrderComparison
{
    /// <summary>
    /// Every difference between <paramref name="original"/> and <paramref name="copy"/>: header fields, document amounts, and
    /// for each item of the copy the fields that differ from the item it copies, or the whole item when the copy added it.
    /// </summary>
    public static IReadOnlyList<OrderDifference> Compare(SalesOrder original, SalesOrder copy)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(copy);
        var differences = new List<OrderDifference>();
        foreach (var ((field, before), (_, after)) in original.Header.Fields().Zip(copy.Header.Fields()))
            if (before != after)
                differences.Add(new($"header.{field}", before, after));
        if (original.Freight != copy.Freight)
            differences.Add(new("document.freight", Text(original.Freight), Text(copy.Freight)));
        if (original.Discount != copy.Discount)
            differences.Add(new("document.discount", Text(original.Discount), Text(copy.Discount)));
        var sources = original.Items.ToDictionary(i => i.Id);
        foreach (var item in copy.Items)
        {
            if (item.CopiedFrom is not { } from || !sources.TryGetValue(from, out var source))
            {
                differences.Add(new($"items[+{item.Number}]", null, $"{item.Product} {OrderItem.Text(item.Quantity)} {item.Unit}"));
                continue;
            }
            foreach (var ((field, before), (_, after)) in source.Fields().Zip(item.Fields()))
                if (before != after)
                    differences.Add(new($"items[{source.Number}].{field}", before, after));
        }
        return differences;
    }

    private static string? Text(decimal? value) => value is { } v ? OrderItem.Text(v) : null;
}

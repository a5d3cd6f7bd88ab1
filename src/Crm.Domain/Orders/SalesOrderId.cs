using Crm.Domain.Identity;

namespace Crm.Domain.Orders;

/// <summary>Identifies a sales order; the engine mints it, storage restores it.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct SalesOrderId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies an item of a sales order; the order mints it.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct OrderItemId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;

    internal static OrderItemId New() => new(IdMint.NewGuid());
}

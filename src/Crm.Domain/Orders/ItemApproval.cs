using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Orders;

/// <summary>Where an item's approval stands.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for a user whose role may approve the discount.</summary>
    Pending,

    /// <summary>Approved.</summary>
    Approved,

    /// <summary>Rejected, with its reason.</summary>
    Rejected,
}

/// <summary>
/// An item whose discount is above the seller's alçada (aba alçadas): the discount, the limit it passed, and the decision —
/// who, when, why.
/// </summary>
/// <param name="Item">The item.</param>
/// <param name="Discount">The discount the seller gave, in % of the table price.</param>
/// <param name="SellerLimit">The largest discount the seller could give on it.</param>
/// <param name="Status">Pending, approved or rejected.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Reason">Why (required for a rejection).</param>
public sealed record ItemApproval(
    OrderItemId Item, decimal Discount, decimal SellerLimit, ApprovalStatus Status = ApprovalStatus.Pending,
    UserId? DecidedBy = null, Instant? DecidedAt = null, string? Reason = null)
{
    /// <summary>The item.</summary>
    public OrderItemId Item { get; init; } = Item;

    /// <summary>The discount the seller gave, in % of the table price.</summary>
    public decimal Discount { get; init; } = Discount;

    /// <summary>The largest discount the seller could give on it.</summary>
    public decimal SellerLimit { get; init; } = SellerLimit;

    /// <summary>Pending, approved or rejected.</summary>
    public ApprovalStatus Status { get; init; } = Status;

    /// <summary>Who decided.</summary>
    public UserId? DecidedBy { get; init; } = DecidedBy;

    /// <summary>When.</summary>
    public Instant? DecidedAt { get; init; } = DecidedAt;

    /// <summary>Why (required for a rejection).</summary>
    public string? Reason { get; init; } = Reason;
}

/// <summary>A group of open items billed on the same date (agrupamento de datas).</summary>
/// <param name="Date">The billing date (else the promise date); null for items without either.</param>
/// <param name="Items">The items, in item order.</param>
public sealed record DateGroup(LocalDate? Date, IReadOnlyList<OrderItem> Items)
{
    /// <summary>The billing date (else the promise date); null for items without either.</summary>
    public LocalDate? Date { get; init; } = Date;

    /// <summary>The items, in item order.</summary>
    public IReadOnlyList<OrderItem> Items { get; init; } = Items;
}

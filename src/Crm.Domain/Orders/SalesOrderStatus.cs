namespace Crm.Domain.Orders;

/// <summary>Where a sales order is in its life (situação do pedido). <see cref="SalesOrderStatuses.CanMove"/> says which moves are allowed.</summary>
public enum SalesOrderStatus
{
    /// <summary>Being typed: the only status in which items and header change (digitado).</summary>
    Draft,

    /// <summary>Submitted with lines above the seller's alçada, waiting for approvers.</summary>
    AwaitingApproval,

    /// <summary>An approver rejected a line; back to draft to revise it, or cancelled.</summary>
    Rejected,

    /// <summary>Submitted and approved: ready for release.</summary>
    Approved,

    /// <summary>Release refused it for credit, stock or date; it can be evaluated again.</summary>
    Blocked,

    /// <summary>Released by credit, stock and date: ready to go to the ERP (liberado).</summary>
    Released,

    /// <summary>Delivered to the ERP.</summary>
    Sent,

    /// <summary>Cancelled, with its reason; nothing changes any more.</summary>
    Cancelled,
}

/// <summary>The state machine of <see cref="SalesOrderStatus"/>.</summary>
public static class SalesOrderStatuses
{
    /// <summary>True when an order may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(SalesOrderStatus from, SalesOrderStatus to) => (from, to) switch
    {
        (SalesOrderStatus.Draft, SalesOrderStatus.AwaitingApproval or SalesOrderStatus.Approved or SalesOrderStatus.Cancelled) => true,
        (SalesOrderStatus.AwaitingApproval, SalesOrderStatus.Approved or SalesOrderStatus.Rejected or SalesOrderStatus.Draft or SalesOrderStatus.Cancelled) => true,
        (SalesOrderStatus.Rejected, SalesOrderStatus.Draft or SalesOrderStatus.Cancelled) => true,
        (SalesOrderStatus.Approved or SalesOrderStatus.Blocked,
            SalesOrderStatus.Released or SalesOrderStatus.Blocked or SalesOrderStatus.Draft or SalesOrderStatus.Cancelled) => true,
        (SalesOrderStatus.Released, SalesOrderStatus.Sent or SalesOrderStatus.Cancelled) => true,
        _ => false,
    };
}

/// <summary>Where an item is (situação do item).</summary>
public enum ItemStatus
{
    /// <summary>Part of the order.</summary>
    Open,

    /// <summary>Cancelled with a reason; kept for history, out of every total.</summary>
    Cancelled,
}

/// <summary>Who pays the freight (Protheus <c>C5_TPFRETE</c>).</summary>
public enum FreightType
{
    /// <summary>C — CIF: the seller.</summary>
    Cif,

    /// <summary>F — FOB: the buyer.</summary>
    Fob,

    /// <summary>T — on behalf of third parties.</summary>
    ThirdParty,

    /// <summary>R — own transport of the sender.</summary>
    Sender,

    /// <summary>D — own transport of the recipient.</summary>
    Recipient,

    /// <summary>S — no freight.</summary>
    None,
}

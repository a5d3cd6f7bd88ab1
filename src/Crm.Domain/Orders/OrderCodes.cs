namespace Crm.Domain.Orders;

/// <summary>Stable problem codes of sales orders: input, the sale problems of seed 003, approvals, release and status; never change a shipped string.</summary>
public static class OrderCodes
{
    /// <summary>A header field that is required was not given (field names which).</summary>
    public const string Required = "order.required";

    /// <summary>The order cannot be edited in its status (only a draft can).</summary>
    public const string NotEditable = "order.not_editable";

    /// <summary>The status change is not allowed from the current status.</summary>
    public const string Transition = "order.status.transition";

    /// <summary>No open item with that id.</summary>
    public const string ItemNotFound = "order.item.not_found";

    /// <summary>A quantity of zero or below, or a discount outside [0, 100).</summary>
    public const string ItemInput = "order.item.input";

    /// <summary>The product is not in the catalog.</summary>
    public const string UnknownProduct = "order.item.unknown_product";

    /// <summary>Cancelling an item (or an order) needs a reason.</summary>
    public const string ReasonRequired = "order.reason.required";

    /// <summary>The order has no open item.</summary>
    public const string NoItems = "order.no_items";

    /// <summary>The operation needs the order priced (recalculated) since its last edit.</summary>
    public const string NotPriced = "order.not_priced";

    /// <summary>Sale problem: the warehouse's stock does not cover the quantity (sem estoque).</summary>
    public const string NoStock = "order.item.no_stock";

    /// <summary>Sale problem: the product is not kept in the item's warehouse (não existe no armazém).</summary>
    public const string NotInWarehouse = "order.item.not_in_warehouse";

    /// <summary>Sale problem: the product is blocked.</summary>
    public const string Blocked = "order.item.blocked";

    /// <summary>Sale problem: the product is inactive.</summary>
    public const string Inactive = "order.item.inactive";

    /// <summary>Sale problem (warning): the stock does not cover the quantity, and the product will take its lead time.</summary>
    public const string LeadTime = "order.item.lead_time";

    /// <summary>Sale problem: a date of the item's delivery programming is already past.</summary>
    public const string ProgrammingExpired = "order.item.programming_expired";

    /// <summary>Sale problem: stock on hand plus programmed stock does not cover a date of the item's delivery programming.</summary>
    public const string ProgrammingNoStock = "order.item.programming_no_stock";

    /// <summary>Sale problem: the delivery programming's quantities do not add up to the item's quantity.</summary>
    public const string ProgrammingQuantity = "order.item.programming_quantity";

    /// <summary>Sale problem: the gross (MB) or contribution (MC) margin is outside the allowed range.</summary>
    public const string MarginOutOfRange = "order.item.margin_out_of_range";

    /// <summary>Sale problem: a tax or commercial matrix could not price or tax the item (the pricing problem is the reason).</summary>
    public const string MatrixProblem = "order.item.matrix";

    /// <summary>Sale problem: the unit × product matrix has no factor for the unit sold, or the quantity is not its multiple.</summary>
    public const string UnitProductMatrix = "order.item.unit_product_matrix";

    /// <summary>Sale problem: the net price is below the minimum value matrix.</summary>
    public const string MinimumPrice = "order.item.minimum_price";

    /// <summary>Sale problem: the promise date asked for cannot be met, or is before the order date.</summary>
    public const string PromiseDate = "order.item.promise_date";

    /// <summary>Sale problem: the product has no conversion factor for the unit sold.</summary>
    public const string ConversionNotFound = "order.item.conversion_not_found";

    /// <summary>Sale problem: the lot is not in the item's warehouse.</summary>
    public const string LotNotFound = "order.item.lot_not_found";

    /// <summary>Sale problem: the lot's stock does not cover the quantity, or it has expired.</summary>
    public const string LotNoStock = "order.item.lot_no_stock";

    /// <summary>Sale problem: the quantity in base units is not a multiple of the product's multiple quantity.</summary>
    public const string NotMultiple = "order.item.not_multiple";

    /// <summary>Sale problem: the quantity in base units is below the product's minimum quantity.</summary>
    public const string BelowMinimumQuantity = "order.item.below_minimum_quantity";

    /// <summary>Sale problem: the quota does not exist, does not apply to this seller, customer or date, or has not enough left.</summary>
    public const string Quota = "order.item.quota";

    /// <summary>Sale problem: the merchandise value is below the minimum order value (valor mínimo de itens).</summary>
    public const string MinimumOrderValue = "order.minimum_value";

    /// <summary>Sale problem: the customer × payment condition matrix refuses the payment condition.</summary>
    public const string PaymentCondition = "order.payment_condition";

    /// <summary>A document amount (freight, discount) that cannot be apportioned (negative, sub-cent, nothing to apportion over).</summary>
    public const string Apportionment = "order.apportionment";

    /// <summary>The item has no pending approval.</summary>
    public const string NoPendingApproval = "order.approval.not_pending";

    /// <summary>The approver's role may not approve a discount this large.</summary>
    public const string ApproverLimit = "order.approval.limit";

    /// <summary>The seller cannot approve their own order.</summary>
    public const string OwnApproval = "order.approval.own";

    /// <summary>Release: the order total is above the customer's available credit (SC9 C9_BLCRED 01).</summary>
    public const string CreditLimit = "order.release.credit";

    /// <summary>Release: the customer's credit limit has expired (SC9 C9_BLCRED 04).</summary>
    public const string CreditExpired = "order.release.credit_expired";

    /// <summary>Release: the account's ERP standing has no credit limit (never read, or the ERP does not expose it).</summary>
    public const string CreditLimitUnknown = "order.release.credit_limit_unknown";

    /// <summary>Release: the ERP blocks sales to the customer (Datasul credit suspended, Protheus A1_MSBLQL).</summary>
    public const string CustomerBlocked = "order.release.customer_blocked";

    /// <summary>An item's negotiation scenario sells from another price table than the order's.</summary>
    public const string NegotiationPriceTable = "order.item.negotiation_price_table";

    /// <summary>An item's discount is above the largest its negotiation scenario allows.</summary>
    public const string NegotiationDiscount = "order.item.negotiation_discount";

    /// <summary>Release: the account's ERP standing has no open balance (never read, or the ERP does not expose it).</summary>
    public const string OpenBalanceUnknown = "order.release.open_balance_unknown";

    /// <summary>Release: the stock left does not cover an item (SC9 C9_BLEST 02).</summary>
    public const string StockBlock = "order.release.stock";

    /// <summary>Release: what is left of a quota (after the orders released before) does not cover the items that name it.</summary>
    public const string QuotaBlock = "order.release.quota";

    /// <summary>Release: an item's delivery date is beyond the release horizon.</summary>
    public const string NotDue = "order.release.not_due";

    /// <summary>Release: the order has sale problems that stop it.</summary>
    public const string SaleProblems = "order.release.sale_problems";

    /// <summary>The account given for an order's ERP message is not the order's customer.</summary>
    public const string CustomerMismatch = "order.customer_mismatch";
}

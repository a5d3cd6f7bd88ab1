using Crm.Domain.Identity;

namespace Crm.Domain.Integration.Messages;

/// <summary>Whether a message creates the customer in the ERP or updates the one it already has.</summary>
public enum ErpOperation
{
    /// <summary>The account has no ERP code yet (Datasul <c>POST /customerPublic</c>).</summary>
    Create,

    /// <summary>The account has an ERP code (Datasul <c>PUT /customerPublic/{id}</c>).</summary>
    Update,
}

/// <summary>
/// A payload ready for the transport: which ERP and resource, which account, the canonical JSON body and the idempotency
/// key derived from all of them. Two messages built from the same account state are equal, byte for byte.
/// </summary>
/// <param name="Erp">The ERP.</param>
/// <param name="Resource">The ERP resource, e.g. <c>customerPublic</c> or <c>customerVendor</c>.</param>
/// <param name="Operation">Create or update.</param>
/// <param name="Account">The account it carries.</param>
/// <param name="ErpCode">The customer's code in the ERP, for an update.</param>
/// <param name="Body">The canonical JSON body.</param>
/// <param name="Key">The idempotency key: the same key means the same change, which the ERP side applies once.</param>
public sealed record ErpMessage(ErpId Erp, string Resource, ErpOperation Operation, AccountId Account, string? ErpCode, string Body,
    IdempotencyKey Key)
{
    /// <summary>The sales order it carries, for an order message (<see cref="IErpAdapter.PrepareOrder"/>); null for a customer message.</summary>
    public Orders.SalesOrderId? Order { get; init; }
}

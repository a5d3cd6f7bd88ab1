using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using Crm.Persistence.Outbox;
using Crm.Sdk.Engine;
using Crm.Sdk.Orders;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Outbox;

/// <summary>
/// Stages a released order for the tenant's ERP in the release's unit of work (written with it, or not at all), behind the
/// customer's earlier messages (the ERP must know the customer first). An adapter that does not send orders
/// (<see cref="OrdersNotSupported"/>) gets a parked message carrying the code, never sent nor retried, and the caller is told.
/// An order the adapter's <see cref="IErpAdapter.CheckOrder"/> refuses is not staged: its problems refuse the release.
/// </summary>
internal static class OrderOutbox
{
    /// <summary>The resource of an order message.</summary>
    public const string Resource = "salesOrder";

    public static async Task<Outcome<ErpHandoff>> StageAsync(UnitOfWork work, SalesOrder order)
    {
        if (OutboxWriter.ErpOf(work.Access.Tenant?.DefaultIntegration) is not { } erp || work.Engine.Adapters.For(erp) is not { } adapter)
            return new ErpHandoff(ErpHandoffStatus.NotIntegrated, null, null, "O tenant não integra com um ERP: o pedido fica no CRM.");
        // The stored customer goes with the order: the adapter names the ERP's customer (code, store) from it.
        var customer = await work.Db.Accounts.AsNoTracking().SingleAsync(a => a.Id == order.Header.Customer, work.Cancellation).ConfigureAwait(false);
        if (!ErpOrder.From(order, customer).TryPickT0(out var erpOrder, out var invalid))
            throw new InvalidOperationException($"A released order is not an ERP order: {string.Join("; ", invalid.Problems)}");
        if (!adapter.CheckOrder(erpOrder).TryPickT0(out _, out var refused))
            return refused;
        var preparation = adapter.PrepareOrder(erpOrder);
        // After the stored rows and those staged earlier in this unit of work (a release by customer stages several).
        var stored = await work.Db.Outbox.Where(m => m.Account == order.Header.Customer).MaxAsync(m => (long?)m.Sequence, work.Cancellation)
            .ConfigureAwait(false);
        var staged = work.Db.Outbox.Local.Where(m => m.Account == order.Header.Customer).Max(m => (long?)m.Sequence);
        long? last = Math.Max(stored ?? 0, staged ?? 0);
        var now = work.Clock.GetCurrentInstant();
        var row = preparation.Match(
            message => new OutboxMessage
            {
                Tenant = work.Tenant, Id = Guid.NewGuid(), Account = order.Header.Customer, Order = order.Id, Sequence = (last ?? 0) + 1,
                Erp = erp.Value, Resource = message.Resource, Operation = message.Operation, ErpCode = message.ErpCode, Payload = message.Body,
                IdempotencyKey = message.Key.Value, Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedBy = work.User, CreatedAt = now, UpdatedAt = now,
            },
            unsupported => new OutboxMessage
            {
                Tenant = work.Tenant, Id = Guid.NewGuid(), Account = order.Header.Customer, Order = order.Id, Sequence = (last ?? 0) + 1,
                Erp = erp.Value, Resource = Resource, Operation = ErpOperation.Create, Payload = "",
                Status = OutboxStatus.Parked, LastError = QueuedMessage.Truncate($"{unsupported.Problem.Code}: {unsupported.Problem.Message}"),
                NextAttemptAt = now, CreatedBy = work.User, CreatedAt = now, UpdatedAt = now,
            });
        work.Db.Outbox.Add(row);
        return preparation.Match(
            _ => new ErpHandoff(ErpHandoffStatus.Queued, erp.Value, null, $"Pedido na fila de envio ao {erp.Value}."),
            unsupported =>
            {
                OutboxLog.OrdersNotSupported(work.Engine.OutboxLogger, order.Id.Value, erp.Value, unsupported.Adapter);
                return new ErpHandoff(ErpHandoffStatus.NotSupported, erp.Value, unsupported.Problem.Code, unsupported.Problem.Message);
            });
    }
}

using Crm.Domain.Accounts;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Http;

/// <summary>
/// An adapter that sends sales orders and says why it will not send one: it checks the order against its ERP's fields (every
/// problem named, nothing cut to fit) and prepares the message with what the ERP needs of the customer that
/// <see cref="ErpOrder"/> does not carry (Datasul's <c>nome-abrev</c>). The built-in Protheus and Datasul adapters implement
/// it; for any other adapter <see cref="IErpAdapter.PrepareOrder"/> is the answer (Mega: <see cref="OrdersNotSupported"/>).
/// </summary>
public interface IErpOrderAdapter
{
    /// <summary>
    /// The message that sends <paramref name="order"/> (released, from <see cref="ErpOrder.From"/>) for
    /// <paramref name="customer"/>, the order's account integrated with this ERP; or every problem that keeps it from the ERP,
    /// codes <c>{erp}.order.*</c>.
    /// </summary>
    Outcome<ErpMessage> PrepareOrder(ErpOrder order, Account customer);
}

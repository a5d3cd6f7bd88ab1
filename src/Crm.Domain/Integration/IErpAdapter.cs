using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Domain.Integration;

/// <summary>
/// The contract every ERP adapter implements (contract version <see cref="ContractVersion.CompiledMajor"/>.<see cref="ContractVersion.CompiledMinor"/>): who it is, which
/// accounts its ERP accepts, the ERP's field limits, and how an account becomes the ERP's documented payload and back.
/// Adapters are pure and thread-safe; the transport (<see cref="IErpTransport"/>) is separate. Derive from
/// <see cref="ErpAdapter{TPayload}"/> rather than implementing this directly.
/// </summary>
public interface IErpAdapter
{
    /// <summary>Its ERP, name, capabilities and contract version.</summary>
    AdapterDescriptor Descriptor { get; }

    /// <summary>Every eligibility rule it may report, for documentation and the conformance kit.</summary>
    IReadOnlyList<EligibilityRule> Rules { get; }

    /// <summary>The ERP's field limits.</summary>
    FieldLimits Limits { get; }

    /// <summary>What registrations must satisfy for this ERP when the tenant turns on "consider the ERP's mandatory fields".</summary>
    ErpFieldRequirements FieldRequirements { get; }

    /// <summary>Eligible, or every rule <paramref name="account"/> fails for <see cref="EligibilityContext.System"/>.</summary>
    EligibilityResult Evaluate(Account account, EligibilityContext context);

    /// <summary>The message that sends <paramref name="account"/> (meant for an eligible one) to the ERP.</summary>
    ErpMessage Prepare(Account account);

    /// <summary>The registration the ERP payload in <paramref name="body"/> describes (the import direction).</summary>
    RegistrationForm ToForm(string body);

    /// <summary>What the ERP payload in <paramref name="body"/> says of the customer, as of <paramref name="today"/>.</summary>
    ErpCustomerState ReadState(string body, LocalDate today);

    /// <summary>
    /// The message that sends a released sales order to the ERP (<see cref="ErpMessage.Order"/> set, <see cref="ErpMessage.Account"/> the
    /// customer), or <see cref="OrdersNotSupported"/>: the answer of every adapter that does not map orders yet (contract 1.x default).
    /// </summary>
    OrderPreparation PrepareOrder(ErpOrder order) => new OrdersNotSupported(Descriptor.Name);

    /// <summary>
    /// The order as it may go to this ERP, or every problem (field, code, message) visible without the ERP's own master data
    /// (sizes, ranges, required fields, the customer's ERP code): call it on a released order before queueing it. It cannot see
    /// what only the ERP knows (an unknown payment condition, a customer blocked there); the ERP refuses those when sent.
    /// The default accepts every order.
    /// </summary>
    Outcome<ErpOrder> CheckOrder(ErpOrder order) => order;
}

using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Domain.Integration;

/// <summary>
/// The base of an adapter whose ERP speaks <typeparamref name="TPayload"/>: the adapter writes the mapping both ways and the
/// state reading; this class serializes canonically, derives the idempotency key and picks create or update.
/// </summary>
/// <typeparam name="TPayload">The ERP's documented customer payload, as a record with <c>JsonPropertyName</c>s.</typeparam>
public abstract class ErpAdapter<TPayload> : IErpAdapter where TPayload : class
{
    /// <inheritdoc />
    public abstract AdapterDescriptor Descriptor { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<EligibilityRule> Rules { get; }

    /// <inheritdoc />
    public abstract FieldLimits Limits { get; }

    /// <inheritdoc />
    public virtual ErpFieldRequirements FieldRequirements => Limits.Requirements(Descriptor.Name, []);

    /// <summary>The ERP resource the payload is sent to, e.g. <c>customerPublic</c>.</summary>
    public abstract string Resource { get; }

    /// <summary>
    /// For the ERP (<c>System = Erp</c>): every rule of <see cref="Rules"/>. For <i>Gestão de Planos</i> (<c>System = Gp</c>):
    /// the "unsupported" answer (<c>integration.gp_unsupported</c>). An adapter that declares
    /// <see cref="ErpCapabilities.GestaoDePlanos"/> overrides this with its GP rules.
    /// </summary>
    public virtual EligibilityResult Evaluate(Account account, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ToGp(context) ? NoGestaoDePlanos(Descriptor.Name) : (_rules ??= new EligibilityRules(Rules)).Evaluate(account, context);
    }

    private EligibilityRules? _rules;

    /// <summary>The ERP payload of <paramref name="account"/>, texts cut to the ERP's limits.</summary>
    public abstract TPayload ToPayload(Account account);

    /// <summary>The registration a payload read from the ERP describes (the import direction, and the round trip).</summary>
    public abstract RegistrationForm ToForm(TPayload payload);

    /// <summary>What <paramref name="payload"/> says of the customer's code and situation.</summary>
    public abstract ErpCustomerState ReadState(TPayload payload, LocalDate today);

    /// <inheritdoc />
    public ErpMessage Prepare(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var body = PayloadJson.Serialize(ToPayload(account));
        var code = ErpCodeOf(account);
        return new ErpMessage(Descriptor.Erp, Resource, code is null ? ErpOperation.Create : ErpOperation.Update, account.Id, code, body,
            IdempotencyKey.Of(Descriptor.Erp, Resource, account.Id.Value, body));
    }

    /// <inheritdoc />
    public virtual OrderPreparation PrepareOrder(ErpOrder order) => new OrdersNotSupported(Descriptor.Name);

    /// <inheritdoc />
    public virtual Outcome<ErpOrder> CheckOrder(ErpOrder order) => order;

    /// <summary>
    /// The message of an order whose ERP payload is <paramref name="payload"/>, sent to <paramref name="resource"/> (e.g.
    /// <c>ordersPublic</c>): canonical body, the customer as its account, and the idempotency key of the order and body.
    /// </summary>
    protected ErpMessage OrderMessage<TOrderPayload>(ErpOrder order, string resource, TOrderPayload payload)
    {
        ArgumentNullException.ThrowIfNull(order);
        var body = PayloadJson.Serialize(payload);
        return new ErpMessage(Descriptor.Erp, resource, ErpOperation.Create, order.Customer, null, body,
            IdempotencyKey.Of(Descriptor.Erp, resource, order.Order.Value, body)) { Order = order.Order };
    }

    /// <inheritdoc />
    public ErpCustomerState ReadState(string body, LocalDate today) => ReadState(Deserialize(body), today);

    /// <inheritdoc />
    public RegistrationForm ToForm(string body) => ToForm(Deserialize(body));

    /// <summary>The payload in <paramref name="body"/>.</summary>
    public TPayload Deserialize(string body) => PayloadJson.Deserialize<TPayload>(body);

    /// <summary>The account's code in the ERP, once the ERP accepted it.</summary>
    protected static string? ErpCodeOf(Account account) =>
        account.Integration.TryPickT1(out var erp, out _) ? erp.ErpCode : null;

    /// <summary>
    /// The result every adapter without <i>Gestão de Planos</i> gives when asked about GP; <see cref="Evaluate"/> answers it
    /// by default (adapters built for contract 1.0–1.1 call it themselves).
    /// </summary>
    protected static EligibilityResult NoGestaoDePlanos(string erpName) => new Problems.Invalid(new Problems.Problem("",
        "integration.gp_unsupported", $"O adaptador {erpName} não integra com o Gestão de Planos."));

    /// <summary>True when the destination of <paramref name="context"/> is GP.</summary>
    protected static bool ToGp(EligibilityContext context) => context.System == IntegrationSystem.Gp;
}

using Crm.Domain.Integration;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Outbox;

/// <summary>
/// The outbox's log lines (category <c>Crm.Sdk.Outbox.OutboxDispatcher</c>): ids, ERP, attempts, reasons and problem codes;
/// never a payload (it carries CPF/CNPJ) nor a credential.
/// </summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Account {Account} is not eligible for {Erp}: nothing sent ({Codes})")]
    public static partial void NotEligible(ILogger logger, Guid account, ErpId erp, string codes);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Outbox message {Message} of account {Account} sent to {Erp} after {Attempts} attempt(s): customer {ErpCode}")]
    public static partial void Sent(ILogger logger, Guid message, Guid account, string erp, int attempts, string erpCode);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Outbox message {Message} of account {Account} to {Erp} failed (attempt {Attempts}), retrying in {DelayMs:0} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, Guid message, Guid account, string erp, int attempts, double delayMs, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Outbox message {Message} of account {Account} to {Erp} parked after {Attempts} attempt(s): {Reason}")]
    public static partial void Parked(ILogger logger, Guid message, Guid account, string erp, int attempts, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Outbox message {Message} was taken over by another dispatcher after this one's lease lapsed")]
    public static partial void LeaseLost(ILogger logger, Guid message);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "The transport of {Erp} threw sending outbox message {Message}")]
    public static partial void TransportFailed(ILogger logger, Exception exception, string erp, Guid message);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "An outbox dispatch round failed; the next round retries")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Outbox message {Message} re-queued by user {User} of tenant {Tenant}")]
    public static partial void Requeued(ILogger logger, Guid message, Guid user, Guid tenant);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Released order {Order} was not queued for {Erp}: adapter {Adapter} does not send orders (integration.orders_unsupported); parked")]
    public static partial void OrdersNotSupported(ILogger logger, Guid order, string erp, string adapter);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Outbox message {Message} sent order {Order} to {Erp}: ERP number {ErpNumber}")]
    public static partial void OrderSent(ILogger logger, Guid message, Guid order, string erp, string erpNumber);
}

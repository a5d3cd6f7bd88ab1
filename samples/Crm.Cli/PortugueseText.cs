using System.Globalization;
using Crm.Domain.Orders;
using Crm.Sdk.Orders;

namespace Crm.Cli;

/// <summary>How the CLI writes amounts and statuses for its Brazilian users: pt-BR numbers and Portuguese status labels.</summary>
internal static class PortugueseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>An amount as 10.000,00; a dash for none.</summary>
    public static string Amount(decimal? value) => value is { } v ? v.ToString("N2", Culture) : "—";

    /// <summary>An order's status as the seed names it (situação do pedido).</summary>
    public static string Status(SalesOrderStatus status) => status switch
    {
        SalesOrderStatus.Draft => "digitado",
        SalesOrderStatus.AwaitingApproval => "aguardando aprovação",
        SalesOrderStatus.Rejected => "reprovado",
        SalesOrderStatus.Approved => "aprovado",
        SalesOrderStatus.Blocked => "bloqueado",
        SalesOrderStatus.Released => "liberado",
        SalesOrderStatus.Sent => "enviado ao ERP",
        SalesOrderStatus.Cancelled => "cancelado",
        _ => status.ToString(),
    };

    /// <summary>What became of an order's hand-off to the ERP.</summary>
    public static string Status(ErpHandoffStatus status) => status switch
    {
        ErpHandoffStatus.None => "nada a enviar",
        ErpHandoffStatus.NotIntegrated => "tenant sem ERP",
        ErpHandoffStatus.Queued => "na fila",
        ErpHandoffStatus.NotSupported => "o ERP não recebe pedidos",
        _ => status.ToString(),
    };
}

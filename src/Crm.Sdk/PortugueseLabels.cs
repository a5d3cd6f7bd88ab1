using Crm.Domain.Activities;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Activities;
using Crm.Sdk.Orders;

namespace Crm.Sdk;

/// <summary>
/// The words users read for the engine's values, in Portuguese whatever the host's culture: one set, used by the account
/// timeline and by the samples (the CLI, the demo), so a status or channel reads the same everywhere. The channels are the
/// seed's (e-mail, telefone, redes sociais, chat); an order's first status is "Em digitação", as the order's own messages say.
/// </summary>
public static class PortugueseLabels
{
    /// <summary>A customer service channel.</summary>
    public static string Of(ServiceChannel channel) => channel switch
    {
        ServiceChannel.Email => "E-mail",
        ServiceChannel.Phone => "Telefone",
        ServiceChannel.SocialMedia => "Redes sociais",
        ServiceChannel.Chat => "Chat",
        ServiceChannel.InPerson => "Presencial",
        _ => "Outro canal",
    };

    /// <summary>An appointment's status.</summary>
    public static string Of(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Scheduled => "Agendado",
        AppointmentStatus.Held => "Realizado",
        _ => "Cancelado",
    };

    /// <summary>A sales order's status (situação do pedido).</summary>
    public static string Of(SalesOrderStatus status) => status switch
    {
        SalesOrderStatus.Draft => "Em digitação",
        SalesOrderStatus.AwaitingApproval => "Aguardando aprovação",
        SalesOrderStatus.Rejected => "Reprovado",
        SalesOrderStatus.Approved => "Aprovado",
        SalesOrderStatus.Blocked => "Bloqueado",
        SalesOrderStatus.Released => "Liberado",
        SalesOrderStatus.Sent => "Enviado ao ERP",
        _ => "Cancelado",
    };

    /// <summary>What became of a released order's hand-off to the ERP.</summary>
    public static string Of(ErpHandoffStatus status) => status switch
    {
        ErpHandoffStatus.None => "Nada a enviar",
        ErpHandoffStatus.NotIntegrated => "Tenant sem ERP",
        ErpHandoffStatus.Queued => "Na fila",
        _ => "O ERP não recebe pedidos",
    };

    /// <summary>A document attached as a file or a link.</summary>
    public static string Of(DocumentKind kind) => kind == DocumentKind.File ? "Arquivo" : "Link";

    /// <summary>An ERP message's operation.</summary>
    public static string Of(ErpOperation operation) => operation == ErpOperation.Create ? "Inclusão" : "Alteração";
}

using Crm.Domain.Accounts.Registration;
using Crm.Domain.Activities;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Activities;

namespace Crm.Sdk.Accounts;

/// <summary>The Portuguese words a timeline's details are written in, whatever the host's culture (one place for them).</summary>
internal static class TimelineLabels
{
    public static string Of(ServiceChannel channel) => channel switch
    {
        ServiceChannel.Email => "E-mail",
        ServiceChannel.Phone => "Telefone",
        ServiceChannel.SocialMedia => "Redes sociais",
        ServiceChannel.Chat => "Chat",
        ServiceChannel.InPerson => "Presencial",
        _ => "Outro canal",
    };

    public static string Of(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Scheduled => "Agendado",
        AppointmentStatus.Held => "Realizado",
        _ => "Cancelado",
    };

    /// <summary>An order status as its history stores it (the enum's name); an unknown name as it is.</summary>
    public static string OrderStatus(string? stored) => Enum.TryParse<SalesOrderStatus>(stored, out var status) ? status switch
    {
        SalesOrderStatus.Draft => "Rascunho",
        SalesOrderStatus.AwaitingApproval => "Aguardando aprovação",
        SalesOrderStatus.Rejected => "Reprovado",
        SalesOrderStatus.Approved => "Aprovado",
        SalesOrderStatus.Blocked => "Bloqueado",
        SalesOrderStatus.Released => "Liberado",
        SalesOrderStatus.Sent => "Enviado ao ERP",
        _ => "Cancelado",
    } : stored ?? "";

    public static string Of(DocumentKind kind) => kind == DocumentKind.File ? "Arquivo" : "Link";

    public static string Of(ErpOperation operation) => operation == ErpOperation.Create ? "Inclusão" : "Alteração";

    /// <summary>
    /// What users call a field of the registration history: the label of the registration field its path starts with
    /// (<c>addresses.billing.street</c>: Endereço de cobrança), the ERP's data as one, else the path itself.
    /// </summary>
    public static string Field(string path)
    {
        foreach (var field in Fields)
            if (path == field.Path() || path.StartsWith(field.Path() + ".", StringComparison.Ordinal) || path.StartsWith(field.Path() + "[", StringComparison.Ordinal))
                return field.Label();
        return path.StartsWith("erp", StringComparison.Ordinal) ? "Dados do ERP" : path;
    }

    // The longest paths first, so that addresses.billing wins over a shorter path it starts with.
    private static readonly RegistrationField[] Fields = [.. Enum.GetValues<RegistrationField>().OrderByDescending(f => f.Path().Length)];
}

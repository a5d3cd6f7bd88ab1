using Crm.Sdk.Accounts;

namespace Crm.Cli;

/// <summary>What each kind of timeline entry is called on screen.</summary>
internal static class TimelineText
{
    public static string Of(TimelineKind kind) => kind switch
    {
        TimelineKind.Registration => "Cadastro",
        TimelineKind.OpportunityOpened => "Oportunidade aberta",
        TimelineKind.OpportunityMoved => "Oportunidade mudou de etapa",
        TimelineKind.TaskAdded => "Tarefa criada",
        TimelineKind.TaskDone => "Tarefa concluída",
        TimelineKind.AppointmentScheduled => "Compromisso agendado",
        TimelineKind.AppointmentSettled => "Compromisso realizado/cancelado",
        TimelineKind.FollowUp => "Follow-up",
        TimelineKind.OccurrenceOpened => "Ocorrência aberta",
        TimelineKind.OccurrenceAnswered => "Ocorrência respondida",
        TimelineKind.OccurrenceClosed => "Ocorrência encerrada",
        TimelineKind.Order => "Pedido",
        TimelineKind.Document => "Documento",
        TimelineKind.ErpMessage => "Enviado ao ERP",
        _ => kind.ToString(),
    };
}

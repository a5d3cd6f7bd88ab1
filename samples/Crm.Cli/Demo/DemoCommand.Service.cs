using System.Globalization;
using Crm.Domain.Activities;
using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using Crm.Sdk;
using Crm.Sdk.Activities;
using Crm.Sdk.Service;
using NodaTime;
using Spectre.Console;

namespace Crm.Cli.Demo;

internal sealed partial class DemoCommand
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    private static readonly DateTimeZone Brasilia = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    /// <summary>
    /// Customer service and activities: Ana's customer phones with a complaint, Ana answers and closes it (its response time
    /// judged against the reason's target), books a visit and records a follow-up; then the customer's timeline as Ana sees it.
    /// Each run opens a new occurrence: a rerun shows them all in the timeline. Ana's Coordenador is told of each by e-mail.
    /// </summary>
    private async Task ServeAsync(CrmEngine engine, AccountId customer, DemoMailServer mail, CancellationToken cancellationToken)
    {
        var mailed = mail.Received.Count;
        var ana = Session(engine, "ana");
        var opened = await ana.Service.OpenAsync(new OccurrenceForm(customer, ServiceChannel.Phone, "RECL",
            "Cliente ligou: uma caixa do último pedido chegou avariada.", Attendant: ana.User), cancellationToken);
        var name = (await ana.Accounts.GetAsync(customer, cancellationToken)).TryPickT0(out var account, out _) ? account.Account.Data.LegalName : customer.Value.ToString();
        Step("Atendimento", $"Ana registra uma reclamação recebida por telefone na conta \"{name}\"", opened, _ => "[green]aberta[/]");
        if (!opened.TryPickT0(out var occurrence, out _))
            return;
        var answered = await ana.Service.AnswerAsync(occurrence.Id, occurrence.Version, "Reposição da caixa enviada sem custo.", cancellationToken);
        Step("Atendimento", "Ana responde ao cliente", answered, _ => "[green]respondida[/]");
        var closed = answered.TryPickT0(out var done, out _)
            ? await ana.Service.CloseAsync(occurrence.Id, done.Version, "Cliente recebeu a reposição.", cancellationToken)
            : answered;
        Step("Atendimento", "Ana encerra a ocorrência", closed, _ => "[green]encerrada[/]");
        if ((await ana.Service.GetAsync(occurrence.Id, cancellationToken)).TryPickT0(out var read, out _) && read.Occurrence.ResponseTime is { } time)
            console.MarkupLine(string.Create(PtBr,
                $"Tempo de resposta: {(long)time.TotalMinutes} min {time.Seconds} s, meta do motivo {read.Occurrence.Reason}: {read.Occurrence.ResponseTarget.TotalHours:0.#} h → {(read.Breached ? "[red]fora do prazo[/]" : "[green]no prazo[/]")}."));

        var subject = new ActivitySubject.Account(customer);
        var tomorrow = engine.Clock.GetCurrentInstant().InZone(Brasilia).Date.PlusDays(1);
        var start = tomorrow.At(new LocalTime(10, 0)).InZoneLeniently(Brasilia).ToInstant();
        Step("Agenda", $"Ana marca uma visita de pós-venda para {tomorrow.ToString("dd/MM/yyyy", PtBr)} às 10:00",
            await ana.Activities.ScheduleAsync(subject, new AppointmentForm("Visita de pós-venda", start, start + Duration.FromHours(1), "Loja do cliente"),
                cancellationToken), _ => "[green]agendada[/]");
        Step("Follow-up", "Ana anota o contato e o próximo retorno", await ana.Activities.RecordFollowUpAsync(subject,
            "Cliente confirmou a reposição e pediu o catálogo novo.", tomorrow.PlusDays(7), cancellationToken), _ => "[green]registrado[/]");
        // Ana acted on her own customer: she is never told, her Coordenador is (the occurrence, the visit, the follow-up).
        var report = await engine.Notifications.DispatchPendingAsync(null, cancellationToken);
        console.MarkupLineInterpolated($"Notificações do atendimento: {report.Sent} enviadas, {report.Retried} novas tentativas, {report.Parked} estacionadas.");
        foreach (var received in mail.Received.Skip(mailed))
            console.MarkupLineInterpolated($"  {received.To}: {received.Subject}");
        await ShowTimelineAsync(ana, customer, cancellationToken);
    }

    private async Task ShowTimelineAsync(CrmSession session, AccountId customer, CancellationToken cancellationToken)
    {
        if (!(await session.Accounts.TimelineAsync(customer, 0, 12, cancellationToken)).TryPickT0(out var entries, out _))
            return;
        var table = new Table().Title("Linha do tempo da conta (mais recentes primeiro)").AddColumns("Quando", "O quê", "Título", "Detalhe");
        foreach (var entry in entries)
            table.AddRow(entry.At.InZone(Brasilia).ToString("dd/MM/yyyy HH:mm", PtBr), TimelineText.Of(entry.Kind),
                Markup.Escape(Printable.OneLine(entry.Title)), Markup.Escape(Printable.OneLine(entry.Detail ?? "")));
        console.Write(table);
    }
}

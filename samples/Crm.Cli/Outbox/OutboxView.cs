using System.Globalization;
using Crm.Persistence.Outbox;
using Crm.Sdk;
using Crm.Sdk.Outbox;
using Spectre.Console;

namespace Crm.Cli.Outbox;

/// <summary>
/// The ERP outbox on the console: how many messages are pending, sending, sent and parked, the latest messages with their
/// attempts, ERP code and last error, and a dispatch shown as a progress bar (sent and parked out of what was due).
/// </summary>
internal static class OutboxView
{
    /// <summary>How many of the latest messages the table shows.</summary>
    public const int Latest = 20;

    /// <summary>The counts and the latest messages (of <paramref name="status"/> only, when given), as <paramref name="session"/>'s user sees them.</summary>
    public static async Task<bool> ShowAsync(IAnsiConsole console, CrmSession session, OutboxStatus? status, CancellationToken cancellationToken)
    {
        var summary = await session.Outbox.SummaryAsync(cancellationToken);
        var list = await session.Outbox.ListAsync(status, 0, Latest, cancellationToken);
        if (!summary.TryPickT0(out var counts, out _) || !list.TryPickT0(out var messages, out _))
        {
            console.MarkupLineInterpolated($"[red]O outbox não pôde ser lido:[/] {string.Join("; ", summary.Problems.Concat(list.Problems).Select(p => p.Code))}");
            return false;
        }
        console.MarkupLineInterpolated(
            $"Outbox do ERP: [yellow]{counts.Pending} pendentes[/], {counts.Sending} enviando, [green]{counts.Sent} enviadas[/], [red]{counts.Parked} estacionadas[/].");
        var table = new Table().Title(status is null ? "Últimas mensagens" : $"Últimas mensagens ({status})")
            .AddColumns("Mensagem", "Conta", "Operação", "Situação", "Tentativas", "Código no ERP", "Último erro");
        foreach (var m in messages)
            table.AddRow(m.Id.ToString()[..8], m.Account.Value.ToString()[..8], $"{m.Resource} {m.Operation}", Status(m.Status),
                m.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(m.AcknowledgedCode ?? m.ErpCode ?? ""),
                Markup.Escape(Printable.OneLine(m.LastError ?? "")));
        console.Write(table);
        return true;
    }

    /// <summary>
    /// Dispatches until nothing is pending (retries wait out their back-off) or <paramref name="patience"/> passes, with a
    /// progress bar of the messages settled (sent or parked) out of those waiting at the start.
    /// </summary>
    public static async Task<OutboxDispatchReport> DispatchAsync(IAnsiConsole console, CrmEngine engine, CrmSession session, TimeSpan patience,
        CancellationToken cancellationToken)
    {
        var waiting = (await session.Outbox.SummaryAsync(cancellationToken)).Match(s => s.Pending + s.Sending, _ => 0, _ => 0, _ => 0, _ => 0, _ => 0);
        var total = new OutboxDispatchReport(0, 0, 0);
        if (waiting == 0)
        {
            console.MarkupLine("Nada a enviar ao ERP: nenhuma mensagem pendente.");
            return total;
        }
        var deadline = DateTime.UtcNow + patience;
        await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn()).StartAsync(async progress =>
        {
            var task = progress.AddTask("Enviando ao ERP", maxValue: waiting);
            while (true)
            {
                var before = total;
                var round = await engine.Outbox.DispatchPendingAsync(null, cancellationToken);
                total = new OutboxDispatchReport(before.Sent + round.Sent, before.Retried + round.Retried, before.Parked + round.Parked);
                task.Value = total.Sent + total.Parked;
                task.Description = $"Enviando ao ERP: {total.Sent} enviadas, {total.Retried} novas tentativas, {total.Parked} estacionadas";
                var left = (await session.Outbox.SummaryAsync(cancellationToken)).Match(s => s.Pending + s.Sending, _ => 0, _ => 0, _ => 0, _ => 0, _ => 0);
                if (left == 0 || DateTime.UtcNow > deadline)
                    break;
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        });
        console.MarkupLineInterpolated(
            $"Despacho: [green]{total.Sent} enviadas e reconhecidas pelo ERP[/], [yellow]{total.Retried} novas tentativas[/] após falhas, [red]{total.Parked} estacionadas[/].");
        return total;
    }

    private static string Status(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "[green]enviada[/]",
        OutboxStatus.Parked => "[red]estacionada[/]",
        OutboxStatus.Sending => "enviando",
        _ => "[yellow]pendente[/]",
    };
}

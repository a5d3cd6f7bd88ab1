using Crm.Cli.Demo;
using Crm.Persistence.Outbox;
using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crm.Cli.Outbox;

/// <summary>
/// <c>crm outbox</c>: the demo tenant's ERP outbox as its Diretora sees it (pending, sending, sent, parked, the latest
/// messages); with <c>--requeue</c> a parked message goes back in the queue; with <c>--protheus-url</c> the pending messages
/// are sent to the Protheus REST server at that address, with a progress display.
/// </summary>
internal sealed class OutboxCommand(IAnsiConsole console)
{
    public async Task<int> RunAsync(string path, OutboxStatus? status, Guid? requeue, Uri? protheus, CancellationToken cancellationToken)
    {
        await using var provider = CliEngine.Services(path, protheus).BuildServiceProvider();
        var engine = provider.GetRequiredService<CrmEngine>();
        await engine.MigrateAsync(cancellationToken);
        var session = engine.Session(DemoData.Tenant, DemoData.Person("marina").Id);
        if (requeue is { } id)
        {
            var requeued = await session.Outbox.RequeueAsync(id, cancellationToken);
            console.MarkupLine(requeued.Succeeded ? $"Mensagem {id} de volta à fila."
                : $"[red]Mensagem {id} não voltou à fila:[/] {Markup.Escape(string.Join("; ", requeued.Problems.Select(p => $"{p.Code}: {p.Message}")))}");
            if (!requeued.Succeeded)
                return 1;
        }
        if (protheus is not null)
            await OutboxView.DispatchAsync(console, engine, session, TimeSpan.FromSeconds(15), cancellationToken);
        return await OutboxView.ShowAsync(console, session, status, cancellationToken) ? 0 : 1;
    }
}

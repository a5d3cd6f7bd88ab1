using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Persistence.Notifications;
using Crm.Persistence.Outbox;
using Crm.Sdk.Funnel;
using Crm.Sdk.Notifications;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// Movements of opportunities notify by e-mail: staged with the movement, dispatched through the company's SMTP server (a
/// real server on 127.0.0.1), never lost to an outage, never sent twice by a restarted dispatcher, secrets out of the logs.
/// </summary>
public sealed class NotificationsTests
{
    private const string Password = "Senha-SMTP-7c1d";

    [Theory, SqliteData, PostgresData]
    public async Task The_owner_and_its_manager_are_told_of_each_movement_never_the_actor(string provider)
    {
        await using var host = await Create(provider);
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port)));
        var (pipeline, created) = await OpenedByUsuarioAsync(host, "Venda de 10 roteadores");

        var won = Ok(await host.As(host.Diretor).Funnel.WinAsync(created.Id, created.Version));
        var stale = await host.As(host.Diretor).Funnel.LoseAsync(created.Id, created.Version, "Preço");
        var report = await host.Engine.Notifications.DispatchPendingAsync();

        Assert.Equal(StageOutcome.Won, won.Status);
        Assert.IsType<Crm.Persistence.Concurrency.Conflict>(stale.Value);
        Assert.Equal(new Crm.Sdk.Notifications.NotificationDispatchReport(3, 0, 0), report);
        var received = (await smtp.WaitForAsync(3)).Select(r => (To: r.Recipients.Single(), r.Message.Subject, r.Message.MessageId))
            .OrderBy(r => r.Subject, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal).ToList();
        Assert.Equal([
            ("coordenador@exemplo.com.br", "[CRM] Oportunidade criada: Venda de 10 roteadores"),
            ("coordenador@exemplo.com.br", "[CRM] Oportunidade ganha: Venda de 10 roteadores"),
            ("usuario@exemplo.com.br", "[CRM] Oportunidade ganha: Venda de 10 roteadores")], received.Select(r => (r.To, r.Subject)));
        await using var db = host.Open();
        var rows = await db.Notifications.AsNoTracking().ToListAsync();
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), received.Select(r => r.MessageId).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r.Kind == "Won" && r.Detail == $"Etapa: {pipeline.Won.Name}");
        Assert.Equal(0, await db.Outbox.CountAsync()); // the ERP outbox is not where notifications go
    }

    [Theory, SqliteData]
    public async Task Without_an_smtp_server_nobody_is_notified_and_the_movement_still_saves(string provider)
    {
        await using var host = await Create(provider);
        await ServerForms.CompanyAsync(host);

        var (_, created) = await OpenedByUsuarioAsync(host, "Sem servidor");

        Assert.Equal(1, created.Version);
        await using var db = host.Open();
        Assert.Empty(db.Notifications);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1210 && ((string)l.Values["Reason"]!).Contains("no SMTP server", StringComparison.Ordinal));
    }

    [Theory, SqliteData]
    public async Task The_send_delay_holds_a_notification_until_it_is_due(string provider)
    {
        await using var host = await Create(provider);
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port, delay: Duration.FromMinutes(10))));
        await OpenedByUsuarioAsync(host, "Com atraso");

        var early = await host.Engine.Notifications.DispatchPendingAsync();
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var due = await host.Engine.Notifications.DispatchPendingAsync();

        Assert.Equal((0, 1), (early.Sent, due.Sent));
        Assert.Single(await smtp.WaitForAsync(1));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_smtp_outage_loses_nothing_and_the_secrets_stay_out_of_the_logs(string provider)
    {
        await using var host = await Create(provider);
        var port = LocalSmtpServer.FreePort();
        await using var smtp = new LocalSmtpServer(port, account: ("crm", Password)); // down for now
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, port, Password)));
        for (var i = 0; i < 4; i++)
            await OpenedByUsuarioAsync(host, $"Oportunidade {i}");

        var duringOutage = await host.Engine.Notifications.DispatchPendingAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var stillDown = await host.Engine.Notifications.DispatchPendingAsync();
        smtp.Start();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var back = await host.Engine.Notifications.DispatchPendingAsync();
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var after = await host.Engine.Notifications.DispatchPendingAsync();

        Assert.Equal((0, 4, 0), (duringOutage.Sent, duringOutage.Retried, duringOutage.Parked));
        Assert.Equal((0, 4), (stillDown.Sent, stillDown.Retried));
        Assert.Equal((4, 0, 0), (back.Sent, back.Retried, back.Parked));
        Assert.Equal(0, after.Sent);
        Assert.Equal(4, (await smtp.WaitForAsync(4)).Select(r => r.Message.MessageId).Distinct().Count());
        Assert.All(smtp.Received, r => Assert.Equal("crm", r.AuthenticatedUser));
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1212);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1211);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(Password, StringComparison.Ordinal)
            || l.Values.Values.Any(v => v?.ToString()?.Contains(Password, StringComparison.Ordinal) == true));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_dispatcher_stopped_mid_round_and_restarted_sends_each_notification_once(string provider)
    {
        await using var host = await Create(provider, services => services.Configure<CrmOptions>(o => o.Outbox.Concurrency = 2));
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port)));
        for (var i = 0; i < 12; i++)
            await OpenedByUsuarioAsync(host, $"Oportunidade {i}");
        using var stop = new CancellationTokenSource();
        smtp.OnReceived = _ =>
        {
            // At least three: two mails stored at once may both see four (the server counts before it calls back).
            if (smtp.Received.Count >= 3)
                stop.Cancel();
        };

        var first = host.Engine.Notifications;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.DispatchPendingAsync(null, stop.Token));
        var sentBeforeRestart = smtp.Received.Count;
        var restarted = first.Twin();
        var report = await restarted.DispatchPendingAsync();

        Assert.InRange(sentBeforeRestart, 3, 4); // the sends already started when the stop came are finished
        Assert.Equal(12 - sentBeforeRestart, report.Sent);
        var received = await smtp.WaitForAsync(12);
        Assert.Equal(12, received.Count);
        Assert.Equal(12, received.Select(r => r.Message.MessageId).Distinct().Count());
        await using var db = host.Open();
        Assert.All(await db.Notifications.AsNoTracking().ToListAsync(), r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_card_moved_tells_its_seller_and_a_card_task_its_assignee_with_their_manager(string provider)
    {
        await using var host = await Create(provider);
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        var diretor = host.As(host.Diretor);
        Ok(await diretor.Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port)));
        var board = Ok(await diretor.Boards.CreateAsync("Zona Norte", new Crm.Domain.Boards.BoardScope(Crm.Domain.Boards.BoardScopeKind.Region, "Norte"),
            Crm.Domain.Boards.Colour.Of("#3366ff"), ["Novo", "Visita"]));
        var lead = Ok(await diretor.Leads.RegisterAsync(Forms.Company(Interlocked.Increment(ref _seed)))).Id;
        var card = Ok(await diretor.Boards.OpenCardAsync(board.Id, board.Stages[0], "Prospecto Norte", lead, host.Usuario));

        var moved = Ok(await diretor.Boards.MoveCardAsync(card.Id, card.Version, board.Stages[1]));
        Ok(await diretor.Boards.AddCardTaskAsync(card.Id, moved.Version, "Ligar", new LocalDate(2026, 12, 1), host.Outro));
        var report = await host.Engine.Notifications.DispatchPendingAsync();

        Assert.Equal(3, report.Sent);
        var received = (await smtp.WaitForAsync(3)).Select(r => (r.Recipients.Single(), r.Message.Subject)).Order().ToList();
        Assert.Equal([
            ("coordenador@exemplo.com.br", "[CRM] Cartão mudou de etapa: Prospecto Norte"),
            ("outro@exemplo.com.br", "[CRM] Tarefa atribuída a você: Ligar"),
            ("usuario@exemplo.com.br", "[CRM] Cartão mudou de etapa: Prospecto Norte")], received);
    }

    [Theory, SqliteData]
    public async Task A_permanent_refusal_parks_the_notification_with_the_reply(string provider)
    {
        await using var host = await Create(provider);
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port)));
        Ok(await host.Engine.Tenants.AddUserAsync(host.Tenant, Recusado, "recusado", "Recusado", "recusado@refused.example"));
        Ok(await host.Engine.Tenants.AllowCompaniesAsync(host.Tenant, host.Support, Recusado, [new Crm.Domain.Access.CompanyBranch(company, null)]));
        Ok(await host.Engine.Tenants.SetManagerAsync(host.Tenant, host.Support, host.Usuario, Recusado));
        await OpenedByUsuarioAsync(host, "Endereço recusado");

        var report = await host.Engine.Notifications.DispatchPendingAsync();

        Assert.Equal((0, 0, 1), (report.Sent, report.Retried, report.Parked));
        await using var db = host.Open();
        var parked = Assert.Single(db.Notifications);
        Assert.Equal(OutboxStatus.Parked, parked.Status);
        Assert.StartsWith("550", parked.LastError, StringComparison.Ordinal);
    }

    private static readonly UserId Recusado = new(Guid.NewGuid());

    // Each account registered here gets a CNPJ of its own.
    private static int _seed = 600;

    [Theory, SqliteData, PostgresData]
    public async Task A_notification_is_only_sent_while_half_of_its_claims_lease_is_left(string provider)
    {
        await using var host = await Create(provider, s => s.Configure<CrmOptions>(o => (o.Outbox.Lease, o.Outbox.Concurrency) = (TimeSpan.FromMinutes(1), 1)));
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port)));
        var (_, created) = await OpenedByUsuarioAsync(host, "Rodada longa");
        Ok(await host.As(host.Diretor).Funnel.WinAsync(created.Id, created.Version));
        var leftAtSend = new List<Duration>();
        smtp.OnReceived = mail =>
        {
            using var db = host.Open();
            var row = db.Notifications.AsNoTracking().Single(r => r.MessageId == mail.Message.MessageId);
            lock (leftAtSend)
                leftAtSend.Add(row.LeaseExpiresAt!.Value - host.Engine.Clock.GetCurrentInstant());
            if (leftAtSend.Count == 1)
                host.Time.Advance(TimeSpan.FromSeconds(40)); // the first send of the round is slow
        };

        var report = await host.Engine.Notifications.DispatchPendingAsync();

        Assert.Equal(new Crm.Sdk.Notifications.NotificationDispatchReport(3, 0, 0), report);
        Assert.Equal(3, leftAtSend.Count);
        Assert.All(leftAtSend, left => Assert.True(left >= Duration.FromSeconds(30), $"sent with {left} of its lease left"));
        await using var check = host.Open();
        Assert.All(await check.Notifications.AsNoTracking().ToListAsync(), r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_clean_up_deletes_sent_notifications_older_than_the_retention_and_keeps_parked_ones(string provider)
    {
        await using var host = await Create(provider);
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port)));
        var (_, created) = await OpenedByUsuarioAsync(host, "Limpeza");
        Ok(await host.As(host.Diretor).Funnel.WinAsync(created.Id, created.Version));
        await host.Engine.Notifications.DispatchPendingAsync();
        await using (var db = host.Open())
        {
            var first = await db.Notifications.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            await db.Notifications.Where(r => r.Id == first).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, OutboxStatus.Parked));
        }
        host.Time.Advance(TimeSpan.FromDays(6));
        var early = Ok(await host.Engine.Jobs.DeleteSentMessagesAsync(host.Tenant, TimeSpan.FromDays(7)));
        host.Time.Advance(TimeSpan.FromDays(2));
        var due = Ok(await host.Engine.Jobs.DeleteSentMessagesAsync(host.Tenant, TimeSpan.FromDays(7)));

        Assert.Equal(new Crm.Sdk.Jobs.SentMessagesDeleted(0, 0), early);
        Assert.Equal(new Crm.Sdk.Jobs.SentMessagesDeleted(0, 2), due);
        await using var check = host.Open();
        Assert.Equal(OutboxStatus.Parked, Assert.Single(await check.Notifications.AsNoTracking().ToListAsync()).Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Notifications_are_listed_in_the_configured_zone_a_parked_one_requeued_and_sent_ones_deleted_with_permissions(string provider)
    {
        await using var host = await Create(provider, services => services.Configure<CrmOptions>(o => o.Notifications.TimeZone = "America/Manaus"));
        await using var smtp = Started();
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, smtp.Port)));
        var (_, created) = await OpenedByUsuarioAsync(host, "Fuso");
        Ok(await host.As(host.Diretor).Funnel.WinAsync(created.Id, created.Version));
        await host.Engine.Notifications.DispatchPendingAsync();
        await using (var db = host.Open())
        {
            var first = await db.Notifications.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            await db.Notifications.Where(r => r.Id == first).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, OutboxStatus.Parked));
        }
        var diretor = host.As(host.Diretor);

        var all = Ok(await host.As(host.Coordenador).Notifications.ListAsync(null, 0, 10));
        var parked = Assert.Single(Ok(await diretor.Notifications.ListAsync(OutboxStatus.Parked, 0, 10)));
        var requeued = Ok(await diretor.Notifications.RequeueAsync(parked.Id));
        var again = await diretor.Notifications.RequeueAsync(parked.Id);
        var usuario = await host.As(host.Usuario).Notifications.RequeueAsync(parked.Id);
        var coordenador = await host.As(host.Coordenador).Notifications.DeleteSentAsync(TimeSpan.FromDays(7));
        host.Time.Advance(TimeSpan.FromDays(8));
        var deleted = Ok(await diretor.Notifications.DeleteSentAsync(TimeSpan.FromDays(7)));

        // The host's clock says 2026-11-22 12:00 UTC: 08:00 in Manaus (UTC−4), as the e-mails write it.
        Assert.Equal(3, all.Count);
        Assert.All(all, n => Assert.Equal("22/11/2026 08:00", n.LocalAt));
        Assert.Equal(parked.Id, requeued);
        Assert.Equal(NotificationsModule.NotParkedCode, Assert.Single(Assert.IsType<Invalid>(again.Value).Problems).Code);
        Assert.IsType<Denied>(usuario.Value);
        Assert.IsType<Denied>(coordenador.Value);
        Assert.Equal(2, deleted.Deleted);
        var left = Assert.Single(Ok(await diretor.Notifications.ListAsync(null, 0, 10)));
        Assert.Equal((OutboxStatus.Pending, 0), (left.Status, left.Attempts));
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1216);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1217 && l.Message.StartsWith("2 notification(s)", StringComparison.Ordinal));
    }

    private static LocalSmtpServer Started()
    {
        var server = new LocalSmtpServer(LocalSmtpServer.FreePort());
        server.Start();
        return server;
    }

    /// <summary>The Diretor's pipeline (created once) and an opportunity the Usuário opens on an account of its own.</summary>
    private static async Task<(Pipeline Pipeline, OpportunityMoved Created)> OpenedByUsuarioAsync(TestHost host, string title)
    {
        var diretor = host.As(host.Diretor);
        if (Ok(await diretor.Funnel.PipelinesAsync()) is not [var pipeline])
        {
            Ok(await diretor.Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(null, null)));
            pipeline = Assert.Single(Ok(await diretor.Funnel.PipelinesAsync()));
        }
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(Interlocked.Increment(ref _seed))));
        return (pipeline, Ok(await usuario.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft(title, account.Id, host.Usuario))));
    }
}

using Crm.Domain.Access;
using Crm.Domain.Activities;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Service.Occurrences;
using Crm.Sdk.Accounts;
using Crm.Sdk.Activities;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>One account's timeline through a session: every module's records, latest first, paged, visible only.</summary>
public sealed class TimelineTests
{
    [Theory, SqliteData, PostgresData]
    public async Task The_timeline_lists_what_happened_to_the_account_latest_first_and_only_what_the_user_sees(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(31))).Id;
        Ok(await host.As(host.Diretor).Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(null, null)));
        var pipeline = Assert.Single(Ok(await usuario.Funnel.PipelinesAsync()));
        void Tick() => host.Time.Advance(TimeSpan.FromMinutes(1));
        Tick();
        var opportunity = Ok(await usuario.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Venda de roteadores", account, host.Usuario)));
        Tick();
        var moved = Ok(await usuario.Funnel.MoveAsync(opportunity.Id, opportunity.Version, pipeline.Stages[1].Id));
        Tick();
        var task = Ok(await usuario.Funnel.AddTaskAsync(opportunity.Id, moved.Version, "Enviar proposta", new LocalDate(2026, 11, 30), host.Usuario));
        Tick();
        var occurrence = Ok(await usuario.Service.OpenAsync(new OccurrenceForm(account, ServiceChannel.Phone, "RECL", "Atraso na entrega")));
        Tick();
        Ok(await usuario.Service.AnswerAsync(occurrence.Id, occurrence.Version, "Entrega reagendada"));
        Tick();
        var subject = new ActivitySubject.Account(account);
        Ok(await usuario.Activities.ScheduleAsync(subject, new AppointmentForm("Visita", Instant.FromUtc(2026, 12, 1, 13, 0), Instant.FromUtc(2026, 12, 1, 14, 0))));
        Tick();
        Ok(await usuario.Activities.RecordFollowUpAsync(subject, "Cliente satisfeito"));
        Tick();
        Ok(await usuario.Documents.AttachLinkAsync(subject, "Contrato", "https://exemplo.com.br/contrato.pdf"));
        var othersOpportunity = Ok(await host.As(host.Diretor).Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Do diretor", account, host.Diretor)));
        var hiddenNote = Ok(await host.As(host.Diretor).Activities.RecordFollowUpAsync(new ActivitySubject.Opportunity(othersOpportunity.Id), "Negociação do diretor"));

        var timeline = Ok(await usuario.Accounts.TimelineAsync(account));
        var page = Ok(await usuario.Accounts.TimelineAsync(account, skip: 1, take: 2));
        var diretors = Ok(await host.As(host.Diretor).Accounts.TimelineAsync(account));

        Assert.Equal([TimelineKind.Document, TimelineKind.FollowUp, TimelineKind.AppointmentScheduled, TimelineKind.OccurrenceAnswered,
            TimelineKind.OccurrenceOpened, TimelineKind.TaskAdded, TimelineKind.OpportunityMoved, TimelineKind.OpportunityOpened, TimelineKind.Registration],
            timeline.Select(e => e.Kind));
        Assert.Equal(timeline.Skip(1).Take(2), page);
        Assert.Equal((task.Task.Title, "Venda de roteadores"), (timeline[5].Title, timeline[5].Detail));
        Assert.Equal(pipeline.Stages[1].Name, timeline[6].Detail);
        Assert.Contains(diretors, e => e.Record == othersOpportunity.Id.Value);
        Assert.DoesNotContain(timeline, e => e.Record == othersOpportunity.Id.Value);
        // The Diretor's follow-up on his own opportunity concerns the account, but the Usuário does not see that opportunity.
        Assert.Contains(diretors, e => e.Record == hiddenNote.Id.Value);
        Assert.DoesNotContain(timeline, e => e.Record == hiddenNote.Id.Value);
        Assert.IsType<NotFound>((await host.As(host.Outro).Accounts.TimelineAsync(account)).Value);
    }

    [Theory, SqliteData]
    public async Task A_task_added_to_an_opportunity_tells_its_assignee_and_is_refused_outside_the_scope(string provider)
    {
        await using var host = await Create(provider);
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, 2525)));
        var diretor = host.As(host.Diretor);
        var account = Ok(await diretor.Accounts.RegisterAsync(Forms.Company(32, company: company))).Id;
        Ok(await diretor.Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(null, null)));
        var pipeline = Assert.Single(Ok(await diretor.Funnel.PipelinesAsync()));
        var opportunity = Ok(await diretor.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Venda", account, host.Usuario)));

        var added = Ok(await diretor.Funnel.AddTaskAsync(opportunity.Id, opportunity.Version, "Ligar", new LocalDate(2026, 11, 30), host.Usuario));
        var outside = await host.As(host.Usuario).Funnel.AddTaskAsync(opportunity.Id, added.Version, "Ligar", new LocalDate(2026, 11, 30), host.Outro);
        var blank = await diretor.Funnel.AddTaskAsync(opportunity.Id, added.Version, " ", new LocalDate(2026, 11, 30), host.Inativo);

        Assert.Equal(Denied.ScopeCode, Assert.IsType<Denied>(outside.Value).Code);
        Assert.Equal([Crm.Domain.Tasks.SalesTask.TitleRequired, "task.assignee.unknown"], blank.Problems.Select(p => p.Code));
        await using var db = host.Open();
        var told = await db.Notifications.AsNoTracking().Where(n => n.Subject == "Task").ToListAsync();
        Assert.Equal([host.Coordenador, host.Usuario], told.Select(n => n.Recipient).OrderBy(u => u == host.Usuario)); // the assignee and its manager
        Assert.All(told, n => Assert.Equal(("Assigned", "Oportunidade Venda, prazo 30/11/2026"), (n.Kind, n.Detail)));
    }

    [Theory, SqliteData]
    public async Task Details_are_portuguese_text_whatever_the_hosts_culture(string provider)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await using var host = await Create(provider);
            var usuario = host.As(host.Usuario);
            var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(33))).Id;
            var subject = new ActivitySubject.Account(account);
            void Tick() => host.Time.Advance(TimeSpan.FromMinutes(1));
            Tick();
            Ok(await usuario.Service.OpenAsync(new OccurrenceForm(account, ServiceChannel.SocialMedia, "DUV", "Pergunta")));
            Tick();
            var booked = Ok(await usuario.Activities.ScheduleAsync(subject,
                new AppointmentForm("Visita", Instant.FromUtc(2026, 12, 1, 13, 0), Instant.FromUtc(2026, 12, 1, 14, 0))));
            Tick();
            Ok(await usuario.Activities.CancelAsync(booked.Id, booked.Version));
            Tick();
            Ok(await usuario.Activities.RecordFollowUpAsync(subject, "Retornar", new LocalDate(2026, 12, 15)));
            Tick();
            Ok(await usuario.Documents.AttachLinkAsync(subject, "Contrato", "https://exemplo.com.br/c.pdf"));

            var details = Ok(await usuario.Accounts.TimelineAsync(account)).Select(e => (e.Kind, e.Detail)).ToList();

            Assert.Equal([(TimelineKind.Document, "Link"), (TimelineKind.FollowUp, "Próximo contato: 15/12/2026"), (TimelineKind.AppointmentSettled, "Cancelado"),
                (TimelineKind.AppointmentScheduled, "01/12/2026 10:00"), (TimelineKind.OccurrenceOpened, "Redes sociais")], details.Take(5));
            Assert.Contains("Razão social", details[^1].Detail, StringComparison.Ordinal); // the registration, by field labels
            Assert.DoesNotContain("legal_name", details[^1].Detail, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}

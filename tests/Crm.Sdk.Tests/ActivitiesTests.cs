using Crm.Domain.Access;
using Crm.Domain.Activities;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Activities;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Appointments and follow-ups on visible subjects through sessions; agendas; refusals; notifications; both providers.</summary>
public sealed class ActivitiesTests
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 23, 13, 0);

    private static AppointmentForm Visit(int day = 0, string title = "Visita técnica") =>
        new(title, Monday + Duration.FromDays(day), Monday + Duration.FromDays(day) + Duration.FromHours(1), "Sede do cliente");

    [Theory, SqliteData, PostgresData]
    public async Task Appointments_on_every_kind_of_subject_are_scheduled_rescheduled_held_and_cancelled(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(11))).Id;
        Ok(await host.As(host.Diretor).Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(null, null)));
        var pipeline = Assert.Single(Ok(await usuario.Funnel.PipelinesAsync()));
        var opportunity = Ok(await usuario.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Venda", account, host.Usuario))).Id;
        var occurrence = Ok(await usuario.Service.OpenAsync(new OccurrenceForm(account, ServiceChannel.Email, "DUV", "Dúvida"))).Id;

        var onAccount = Ok(await usuario.Activities.ScheduleAsync(new ActivitySubject.Account(account), Visit()));
        var onOpportunity = Ok(await usuario.Activities.ScheduleAsync(new ActivitySubject.Opportunity(opportunity), Visit(1, "Proposta")));
        var onOccurrence = Ok(await usuario.Activities.ScheduleAsync(new ActivitySubject.Occurrence(occurrence), Visit(2, "Retorno")));
        var moved = Ok(await usuario.Activities.RescheduleAsync(onAccount.Id, onAccount.Version, Visit(3)));
        var held = Ok(await usuario.Activities.MarkHeldAsync(onOpportunity.Id, onOpportunity.Version));
        var cancelled = Ok(await usuario.Activities.CancelAsync(onOccurrence.Id, onOccurrence.Version));
        var stale = await usuario.Activities.CancelAsync(onAccount.Id, onAccount.Version);
        var afterHeld = await usuario.Activities.RescheduleAsync(onOpportunity.Id, held.Version, Visit(5));

        Assert.Equal((AppointmentStatus.Scheduled, AppointmentStatus.Held, AppointmentStatus.Cancelled), (moved.Status, held.Status, cancelled.Status));
        Assert.IsType<Conflict>(stale.Value);
        Assert.Equal([ActivityCodes.NotScheduled], afterHeld.Problems.Select(p => p.Code));
        var agenda = Ok(await usuario.Activities.AgendaAsync(Monday, Monday + Duration.FromDays(7)));
        Assert.Equal([("Proposta", account), ("Retorno", account), ("Visita técnica", account)],
            agenda.Select(a => (a.Appointment.Title, a.Account!.Value)));
        Assert.Equal(Monday + Duration.FromDays(3), agenda[2].Appointment.Start);
        Assert.Equal(["Proposta"], Ok(await usuario.Activities.AgendaAsync(Monday + Duration.FromDays(1), Monday + Duration.FromDays(2))).Select(a => a.Appointment.Title));
        var onSubject = Ok(await usuario.Activities.ForSubjectAsync(new ActivitySubject.Account(account)));
        Assert.Equal(moved.Version, Assert.Single(onSubject.Appointments).Version);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Follow_ups_are_recorded_on_visible_subjects_and_listed_latest_first(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(12))).Id;
        var subject = new ActivitySubject.Account(account);

        var first = Ok(await usuario.Activities.RecordFollowUpAsync(subject, "Ligou pedindo proposta.", new LocalDate(2026, 11, 27)));
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = Ok(await usuario.Activities.RecordFollowUpAsync(subject, "Proposta enviada."));
        var empty = await usuario.Activities.RecordFollowUpAsync(subject, " ");

        Assert.Equal([ActivityCodes.NoteRequired], empty.Problems.Select(p => p.Code));
        var listed = Ok(await host.As(host.Coordenador).Activities.ForSubjectAsync(subject)).FollowUps;
        Assert.Equal([second.Id, first.Id], listed.Select(f => f.Id));
        Assert.Equal((new LocalDate(2026, 11, 27), host.Usuario), (listed[1].NextContact, listed[1].By));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Activities_are_refused_without_permission_on_hidden_subjects_and_with_bad_forms(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(13))).Id;
        var subject = new ActivitySubject.Account(account);
        var booked = Ok(await usuario.Activities.ScheduleAsync(subject, Visit()));

        var denied = await host.As(host.SemPapel).Activities.ScheduleAsync(subject, Visit());
        var hidden = await host.As(host.Outro).Activities.ScheduleAsync(subject, Visit());
        var missing = await usuario.Activities.RecordFollowUpAsync(new ActivitySubject.Opportunity(new OpportunityId(Guid.NewGuid())), "x");
        var hiddenChange = await host.As(host.Outro).Activities.CancelAsync(booked.Id, booked.Version);
        var othersAgenda = await usuario.Activities.AgendaAsync(Monday, Monday + Duration.FromDays(1), host.Outro);
        var forOther = await usuario.Activities.ScheduleAsync(subject, Visit() with { Owner = host.Outro });
        var bad = await host.As(host.Diretor).Activities.ScheduleAsync(subject, new AppointmentForm(" ", Monday, Monday, Owner: host.Inativo));
        var ownerNotSeeing = await host.As(host.Diretor).Activities.ScheduleAsync(subject, Visit() with { Owner = host.Outro });
        var otherOwner = await host.As(host.Diretor).Activities.RescheduleAsync(booked.Id, booked.Version, Visit(1) with { Owner = host.Coordenador });

        Assert.Equal(Module.Activities, Assert.IsType<Denied>(denied.Value).Module);
        Assert.Equal("account", Assert.IsType<NotFound>(hidden.Value).Entity);
        Assert.Equal("opportunity", Assert.IsType<NotFound>(missing.Value).Entity);
        Assert.Equal("appointment", Assert.IsType<NotFound>(hiddenChange.Value).Entity);
        Assert.Equal(Denied.ScopeCode, Assert.IsType<Denied>(othersAgenda.Value).Code);
        Assert.Equal(Denied.ScopeCode, Assert.IsType<Denied>(forOther.Value).Code);
        Assert.Equal([ActivityCodes.TitleRequired, ActivityCodes.EndNotAfterStart, ActivityCodes.OwnerUnknown],
            Assert.IsType<Invalid>(bad.Value).Problems.Select(p => p.Code));
        Assert.Equal([("owner", ActivityCodes.OwnerCannotSee)], ownerNotSeeing.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal([("owner", ActivityCodes.OwnerChanged)], otherOwner.Problems.Select(p => (p.Field, p.Code)));
        await using var db = host.Open();
        Assert.Single(db.Appointments);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_owner_is_told_of_its_appointments_and_the_account_owner_of_follow_ups(string provider)
    {
        await using var host = await Create(provider);
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, 2525)));
        var account = Ok(await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(14, company: company))).Id;
        var diretor = host.As(host.Diretor);

        var booked = Ok(await diretor.Activities.ScheduleAsync(new ActivitySubject.Account(account), Visit() with { Owner = host.Usuario }));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Ok(await diretor.Activities.RescheduleAsync(booked.Id, booked.Version, Visit(1) with { Owner = host.Usuario }));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Ok(await diretor.Activities.RecordFollowUpAsync(new ActivitySubject.Account(account), "Cliente confirmou."));

        await using var db = host.Open();
        var told = (await db.Notifications.AsNoTracking().Where(n => n.Recipient == host.Usuario).ToListAsync()).OrderBy(n => n.CreatedAt).ToList();
        Assert.Equal([("Appointment", "Created"), ("Appointment", "Rescheduled"), ("FollowUp", "Created")], told.Select(n => (n.Subject, n.Kind)));
        Assert.Equal("24/11/2026 10:00, Sede do cliente", told[1].Detail);
    }
}

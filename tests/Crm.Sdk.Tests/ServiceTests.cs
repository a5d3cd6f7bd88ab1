using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Service.CallCenter;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Service;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Occurrences and call-center campaigns through sessions: rules, visibility, history, notifications, on both providers.</summary>
public sealed class ServiceTests
{
    private static OccurrenceForm Phone(AccountId account, string reason = "RECL", UserId? attendant = null) =>
        new(account, ServiceChannel.Phone, reason, "Boleto de maio veio com valor errado.", Attendant: attendant);

    [Theory, SqliteData, PostgresData]
    public async Task An_occurrence_is_opened_assigned_answered_and_closed_with_its_history_and_response_time(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(1))).Id;

        var opened = Ok(await usuario.Service.OpenAsync(Phone(account)));
        var notSeeing = await usuario.Service.AssignAsync(opened.Id, opened.Version, host.Outro);
        var assigned = Ok(await usuario.Service.AssignAsync(opened.Id, opened.Version, host.Coordenador));
        host.Time.Advance(TimeSpan.FromHours(2));
        var answered = Ok(await usuario.Service.AnswerAsync(opened.Id, assigned.Version, "Boleto reemitido com o valor certo."));
        host.Time.Advance(TimeSpan.FromMinutes(30));
        var closed = Ok(await usuario.Service.CloseAsync(opened.Id, answered.Version, "Cliente pagou."));

        var read = Ok(await usuario.Service.GetAsync(opened.Id));
        Assert.Equal((OccurrenceStatus.Closed, closed.Version, false), (read.Occurrence.Status, read.Version, read.Breached));
        Assert.Equal(Duration.FromHours(2), read.Occurrence.ResponseTime);
        Assert.Equal((true, host.Coordenador), (read.Occurrence.IsComplaint, read.Occurrence.Attendant));
        Assert.Equal(["Answered", "Closed"], read.Occurrence.History.Where(h => h.Field == "status" && h.OldValue is not null).Select(h => h.NewValue));
        Assert.Contains(read.Occurrence.History, h => h.Field == "attendant" && h.NewValue == host.Coordenador.Value.ToString() && h.By == host.Usuario);
        // Outro does not see the Usuário's customer: it may not be given (and mailed) the occurrence.
        Assert.Equal([("attendant", OccurrenceCodes.AttendantCannotSee)], notSeeing.Problems.Select(p => (p.Field, p.Code)));
        Assert.Single(host.Logs.Lines, l => l.Event.Id == 1401);
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1401 && (long)l.Values["ResponseSeconds"]! == 7200);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains("Boleto", StringComparison.Ordinal));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Opening_lists_every_problem_of_the_form_the_settings_and_the_people(string provider)
    {
        await using var host = await Create(provider);
        Ok(await host.As(host.Diretor).Settings.SaveOccurrencesAsync(
            [new ServiceReason("TROCA", "Troca", Duration.FromDays(2)), new ServiceReason("OLD", "Antigo", Duration.FromDays(1), Active: false)],
            [OccurrenceField.Product, OccurrenceField.Priority]));
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(2))).Id;

        var refused = await usuario.Service.OpenAsync(new OccurrenceForm(account, null, "OLD", " ", new ContactId(Guid.NewGuid()),
            Attendant: host.Inativo));
        var badSettings = await host.As(host.Diretor).Settings.SaveOccurrencesAsync([new ServiceReason("", "", Duration.Zero)], []);

        Assert.Equal(
            [OccurrenceCodes.ChannelRequired, OccurrenceCodes.ReasonInactive, OccurrenceCodes.DescriptionRequired, "occurrence.product.required",
                "occurrence.priority.required", OccurrenceCodes.ContactNotOfAccount, OccurrenceCodes.AttendantUnknown],
            Assert.IsType<Invalid>(refused.Value).Problems.Select(p => p.Code));
        Assert.Equal([OccurrenceCodes.ReasonCodeRequired, OccurrenceCodes.ReasonNameRequired, OccurrenceCodes.ResponseTargetNotPositive],
            badSettings.Problems.Select(p => p.Code));
        Assert.Equal(["TROCA"], Ok(await usuario.Service.ReasonsAsync()).Select(r => r.Code));
        await using var db = host.Open();
        Assert.Empty(db.Occurrences);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Occurrences_are_refused_without_permission_outside_visibility_on_a_stale_version_and_out_of_order(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(3))).Id;
        var opened = Ok(await usuario.Service.OpenAsync(Phone(account)));

        var denied = await host.As(host.SemPapel).Service.OpenAsync(Phone(account));
        var notVisible = await host.As(host.Outro).Service.OpenAsync(Phone(account));
        var hidden = await host.As(host.Outro).Service.GetAsync(opened.Id);
        var closeOpen = await usuario.Service.CloseAsync(opened.Id, opened.Version);
        var answered = Ok(await usuario.Service.AnswerAsync(opened.Id, opened.Version, "Ok"));
        var stale = await usuario.Service.AssignAsync(opened.Id, opened.Version, host.Usuario);
        var twice = await usuario.Service.AnswerAsync(opened.Id, answered.Version, "De novo");
        var other = Ok(await usuario.Service.OpenAsync(Phone(account)));
        Ok(await usuario.Service.AssignAsync(other.Id, other.Version, host.Usuario));
        var staleAnswer = await usuario.Service.AnswerAsync(other.Id, other.Version, "Tarde");
        var openedByOutro = await host.As(host.Outro).Service.OpenAsync(Phone(account) with { Attendant = host.Outro });

        Assert.Equal((Module.Service, Permission.Access | Permission.Include), (Assert.IsType<Denied>(denied.Value).Module, Assert.IsType<Denied>(denied.Value).Action));
        Assert.Equal("account", Assert.IsType<NotFound>(notVisible.Value).Entity);
        Assert.Equal("occurrence", Assert.IsType<NotFound>(hidden.Value).Entity);
        Assert.Equal([OccurrenceCodes.NotAnswered], closeOpen.Problems.Select(p => p.Code));
        Assert.IsType<Conflict>(stale.Value);
        Assert.Equal([OccurrenceCodes.NotOpen], twice.Problems.Select(p => p.Code));
        Ok(await host.As(host.Coordenador).Service.GetAsync(opened.Id)); // the Usuário's manager sees its customers' occurrences
        Assert.IsType<Conflict>(staleAnswer.Value);
        Assert.Single(host.Logs.Lines, l => l.Event.Id == 1401); // a refused answer is not logged as answered
        Assert.IsType<NotFound>(openedByOutro.Value);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_list_filters_by_status_account_attendant_period_and_breach_within_what_the_user_sees(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var mine = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(4))).Id;
        var others = Ok(await host.As(host.Outro).Accounts.RegisterAsync(Forms.Company(5))).Id;
        var late = Ok(await usuario.Service.OpenAsync(Phone(mine, attendant: host.Usuario)));         // complaint: 1 day
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var onTime = Ok(await usuario.Service.OpenAsync(Phone(mine, "DUV")));                           // question: 2 days
        var hidden = Ok(await host.As(host.Outro).Service.OpenAsync(Phone(others)));
        host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Ok(await usuario.Service.AnswerAsync(onTime.Id, onTime.Version, "Respondida"));

        async Task<OccurrenceId[]> List(CrmSession session, OccurrenceFilter filter) =>
            [.. Ok(await session.Service.ListAsync(filter)).Select(l => l.Id)];

        Assert.Equal([onTime.Id, late.Id], await List(usuario, new OccurrenceFilter()));
        Assert.Equal([late.Id], await List(usuario, new OccurrenceFilter { Breached = true }));
        Assert.Equal([onTime.Id], await List(usuario, new OccurrenceFilter { Breached = false }));
        Assert.Equal([late.Id], await List(usuario, new OccurrenceFilter { Status = OccurrenceStatus.Open, Attendant = host.Usuario, Account = mine }));
        Assert.Empty(await List(usuario, new OccurrenceFilter { OpenedFrom = host.Engine.Clock.GetCurrentInstant() }));
        Assert.Equal(3, (await List(host.As(host.Diretor), new OccurrenceFilter())).Length);
        Assert.Equal([hidden.Id], await List(host.As(host.Outro), new OccurrenceFilter()));
        Assert.Equal([Paging.TakeCode], (await usuario.Service.ListAsync(new OccurrenceFilter(), take: 0)).Problems.Select(p => p.Code));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_campaign_takes_visible_contacts_records_calls_and_shows_its_progress(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var first = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(6))).Id;
        var second = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(7))).Id;
        var others = Ok(await host.As(host.Outro).Accounts.RegisterAsync(Forms.Company(8))).Id;
        var created = Ok(await usuario.Service.CreateCampaignAsync("Cobrança de maio", CampaignKind.Collection));

        var duplicate = await usuario.Service.AddTargetsAsync(created.Id, created.Version,
            [new CampaignTargetForm(first), new CampaignTargetForm(first), new CampaignTargetForm(default)]);
        var invisible = await usuario.Service.AddTargetsAsync(created.Id, created.Version, [new CampaignTargetForm(others)]);
        var strangeContact = await usuario.Service.AddTargetsAsync(created.Id, created.Version, [new CampaignTargetForm(first, new ContactId(Guid.NewGuid()))]);
        var added = Ok(await usuario.Service.AddTargetsAsync(created.Id, created.Version, [new CampaignTargetForm(first), new CampaignTargetForm(second)]));
        var busy = Ok(await usuario.Service.RecordAttemptAsync(created.Id, added.Targets[0], AttemptOutcome.Busy));
        var paid = Ok(await usuario.Service.RecordAttemptAsync(created.Id, added.Targets[0], AttemptOutcome.Succeeded, "Promessa para o dia 10"));
        var finished = await usuario.Service.RecordAttemptAsync(created.Id, added.Targets[0], AttemptOutcome.NoAnswer);
        var othersTarget = Ok(await host.As(host.Outro).Service.AddTargetsAsync(created.Id, paid.Version, [new CampaignTargetForm(others)]));
        var hiddenCall = await usuario.Service.RecordAttemptAsync(created.Id, othersTarget.Targets[0], AttemptOutcome.Busy);
        var closed = Ok(await usuario.Service.CloseCampaignAsync(created.Id, othersTarget.Version));
        var afterClose = await usuario.Service.RecordAttemptAsync(created.Id, added.Targets[1], AttemptOutcome.Busy);

        Assert.Equal([("targets[1].contact", CampaignCodes.TargetDuplicate), ("targets[2].account", CampaignCodes.AccountRequired)],
            duplicate.Problems.Select(p => (p.Field, p.Code)));
        Assert.IsType<NotFound>(invisible.Value);
        Assert.Equal([("targets[0].contact", CampaignCodes.ContactNotOfAccount)], strangeContact.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal("campaign_target", Assert.IsType<NotFound>(hiddenCall.Value).Entity);
        Assert.Equal((false, true), (busy.TargetFinished, paid.TargetFinished));
        Assert.Equal([CampaignCodes.TargetFinished], finished.Problems.Select(p => p.Code));
        Assert.Equal([CampaignCodes.Closed], afterClose.Problems.Select(p => p.Code));
        var progress = Assert.Single(Ok(await host.As(host.Coordenador).Service.CampaignsAsync()));
        Assert.Equal((3, 1, 1, 2), (progress.Targets, progress.Finished, progress.Succeeded, progress.Attempts));
        Assert.NotNull(progress.ClosedAt);
        var read = Ok(await usuario.Service.CampaignAsync(created.Id));
        Assert.Equal((closed.Version, "Promessa para o dia 10"), (read.Version, read.Campaign.Targets[0].Attempts[1].Note));
        Assert.Equal([first, second], read.Campaign.Targets.Select(t => t.Account)); // Outro's customer is not shown to the Usuário
        Assert.Equal([others], Ok(await host.As(host.Outro).Service.CampaignAsync(created.Id)).Campaign.Targets.Select(t => t.Account));
        Assert.IsType<Denied>((await host.As(host.SemPapel).Service.CampaignsAsync()).Value);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_attendant_is_told_when_an_occurrence_is_opened_for_it_and_when_it_is_answered_not_of_a_revision_that_changed_nothing(string provider)
    {
        await using var host = await Create(provider);
        var (company, _) = await ServerForms.CompanyAsync(host);
        Ok(await host.As(host.Diretor).Servers.CreateSmtpAsync(ServerForms.Smtp(company, 2525)));
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(9, company: company))).Id;

        var opened = Ok(await usuario.Service.OpenAsync(Phone(account, attendant: host.Coordenador)));
        var unchanged = Ok(await usuario.Service.ReviseAsync(opened.Id, opened.Version, Phone(account, attendant: host.Coordenador)));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Ok(await host.As(host.Diretor).Service.AnswerAsync(opened.Id, unchanged.Version, "Resolvido por telefone"));

        await using var db = host.Open();
        var told = (await db.Notifications.AsNoTracking().ToListAsync()).OrderBy(n => n.CreatedAt).ToList();
        // The revision that changed nothing told nobody.
        Assert.Equal([("Created", host.Coordenador), ("Answered", host.Coordenador)], told.Select(n => (n.Kind, n.Recipient)));
        Assert.All(told, n => Assert.Equal(("Occurrence", opened.Id.Value.ToString()), (n.Subject, n.SubjectId)));
        Assert.Equal("Resposta: Resolvido por telefone", told[1].Detail);
    }
}

using System.Text.Json;
using Crm.Domain.Activities;
using Crm.Domain.Identity;
using Crm.Domain.Service.CallCenter;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Activities;
using Crm.Persistence.Service;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Persistence.Tests.Service;

/// <summary>Occurrences, their settings, campaigns, appointments, follow-ups and documents read back as written, on both providers.</summary>
public sealed class ServicePersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly UserId Operator = new(Guid.NewGuid());
    private static readonly Instant Start = Instant.FromUtc(2026, 5, 4, 9, 0);

    // The domain's JSON options write NodaTime values as ISO text (the default options write an Instant as {}), so the
    // instants are compared too.
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Crm.Persistence.Conversions.DomainJson.Options);

    private static OccurrenceSettings Settings() => OccurrenceSettings.Create(
    [
        new ServiceReason("RECL", "Reclamação", Duration.FromHours(4), IsComplaint: true),
        new ServiceReason("DUV", "Dúvida", Duration.FromDays(1)),
        new ServiceReason("OLD", "Antigo", Duration.FromMinutes(90), Active: false),
    ], [OccurrenceField.Product, OccurrenceField.Priority]).AsT0;

    [Theory, SqliteData, PostgresData]
    public async Task An_answered_and_closed_occurrence_reads_back_with_its_history_and_indicator_columns(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = new FakeClock(Start);
        var form = new OccurrenceForm(new AccountId(Guid.NewGuid()), ServiceChannel.Phone, "RECL", "Boleto com valor errado.\nSegunda linha.",
            new ContactId(Guid.NewGuid()), "SERV-1", new UserId(Guid.NewGuid()), OccurrencePriority.High);
        var occurrence = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, form, Settings(), Operator, clock).AsT0;
        var company = new CompanyId(Guid.NewGuid());
        await using (var write = db.Open(Tenant))
        {
            write.Occurrences.Add(OccurrenceRow.From(occurrence, company, null));
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        clock.Advance(Duration.FromHours(5));
        await using (var write = db.Open(Tenant))
        {
            var row = await write.Occurrences.SingleAsync(o => o.Id == occurrence.Id);
            var loaded = row.ToOccurrence();
            Assert.True(loaded.Respond("Boleto reemitido.", Operator, clock).IsValid);
            clock.Advance(Duration.FromMinutes(10));
            Assert.True(loaded.Close("Pago", Operator, clock).IsValid);
            row.Write(loaded, company, null);
            Assert.True((await write.SaveAsync()).IsSaved);
            occurrence = loaded;
        }

        await using var read = db.Open(Tenant);
        var stored = await read.Occurrences.SingleAsync(o => o.Id == occurrence.Id);
        var back = stored.ToOccurrence();
        Assert.Equal(occurrence.History, back.History);
        Assert.Equal(Json(occurrence), Json(back));
        Assert.Equal((OccurrenceStatus.Closed, true, 5 * 3600L, true, company), (stored.Status, stored.IsComplaint, stored.ResponseSeconds, stored.AnsweredLate, stored.Company));
        Assert.Equal(Start + Duration.FromHours(4), stored.ResponseDue);
        Assert.Equal(1, await read.Occurrences.CountAsync(o => o.AnsweredAt > o.ResponseDue && o.Reason == "RECL" && o.Product == "SERV-1"));
        await using var other = db.Open(new TenantId(Guid.NewGuid()));
        Assert.Empty(await other.Occurrences.ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_stale_occurrence_save_conflicts(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = new FakeClock(Start);
        var form = new OccurrenceForm(new AccountId(Guid.NewGuid()), ServiceChannel.Email, "DUV", "Dúvida", Product: "P", Priority: OccurrencePriority.Low);
        var occurrence = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, form, Settings(), Operator, clock).AsT0;
        await using (var write = db.Open(Tenant))
        {
            write.Occurrences.Add(OccurrenceRow.From(occurrence, null, null));
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var first = db.Open(Tenant);
        await using var second = db.Open(Tenant);
        var a = await first.Occurrences.SingleAsync();
        var b = await second.Occurrences.SingleAsync();
        var one = a.ToOccurrence();
        Assert.True(one.Respond("Sim.", Operator, clock).IsValid);
        a.Write(one, null, null);
        Assert.True((await first.SaveAsync()).IsSaved);
        var two = b.ToOccurrence();
        Assert.True(two.Assign(new UserId(Guid.NewGuid()), Operator, clock).IsValid);
        b.Write(two, null, null);
        Assert.True((await second.SaveAsync()).IsT1);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Occurrence_settings_read_back_and_default_until_stored(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using (var write = db.Open(Tenant))
        {
            Assert.Same(OccurrenceSettings.Default, await write.Settings.OccurrencesAsync());
            await write.Settings.SetOccurrencesAsync(Settings());
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var read = db.Open(Tenant);
        var back = await read.Settings.OccurrencesAsync();
        Assert.Equal(Settings().Reasons.ToList(), back.Reasons.ToList());
        Assert.Equal(Settings().MandatoryFields.Order(), back.MandatoryFields.Order());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_campaign_reads_back_with_its_targets_and_calls_and_keeps_its_counts(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = new FakeClock(Start);
        var campaign = Campaign.Create(new CampaignId(Guid.NewGuid()), Tenant, "Cobrança maio", CampaignKind.Collection, Operator, clock).AsT0;
        var first = campaign.AddTarget(new AccountId(Guid.NewGuid()), new ContactId(Guid.NewGuid())).AsT0;
        var second = campaign.AddTarget(new AccountId(Guid.NewGuid()), null).AsT0;
        Assert.True(campaign.RecordAttempt(first.Id, AttemptOutcome.NoAnswer, null, Operator, clock).IsValid);
        await using (var write = db.Open(Tenant))
        {
            write.StageCampaign(campaign);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        clock.Advance(Duration.FromHours(1));
        await using (var write = db.Open(Tenant))
        {
            var loaded = (await write.LoadCampaignAsync(campaign.Id))!;
            Assert.True(loaded.RecordAttempt(first.Id, AttemptOutcome.Succeeded, "Promessa de pagamento dia 10", Operator, clock).IsValid);
            Assert.True(loaded.RecordAttempt(second.Id, AttemptOutcome.Busy, null, Operator, clock).IsValid);
            write.StageCampaign(loaded);
            Assert.True((await write.SaveAsync()).IsSaved);
            campaign = loaded;
        }

        await using var read = db.Open(Tenant);
        var back = (await read.LoadCampaignAsync(campaign.Id))!;
        Assert.Equal(Json(campaign), Json(back));
        var row = await read.Campaigns.SingleAsync();
        Assert.Equal((2, 1, 1, 3), (row.Targets, row.Finished, row.Succeeded, row.Attempts));
        Assert.Equal(3, await read.CallAttempts.CountAsync(a => a.By == Operator));
        Assert.Null(await read.LoadCampaignAsync(new CampaignId(Guid.NewGuid())));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Appointments_follow_ups_and_documents_read_back_with_their_subject_and_account(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = new FakeClock(Start);
        var account = new AccountId(Guid.NewGuid());
        var subject = new ActivitySubject.Occurrence(new OccurrenceId(Guid.NewGuid()));
        var appointment = Appointment.Schedule(new AppointmentId(Guid.NewGuid()), Tenant, subject, "Visita técnica", Start + Duration.FromDays(1),
            Start + Duration.FromDays(1) + Duration.FromHours(1), Operator, "Sede do cliente", clock).AsT0;
        var followUp = FollowUp.Record(new FollowUpId(Guid.NewGuid()), Tenant, new ActivitySubject.Account(account), "Cliente pediu retorno.",
            new LocalDate(2026, 5, 8), Operator, clock).AsT0;
        var document = new DocumentRow { Tenant = Tenant, Id = Guid.NewGuid(), SubjectKind = SubjectKind.Card, SubjectId = Guid.NewGuid(),
            Account = account, Kind = DocumentKind.File, Name = "contrato.pdf", Location = "/crm/contrato.pdf", Size = 1234,
            Sha256 = new string('a', 64), Company = new CompanyId(Guid.NewGuid()), AddedBy = Operator, AddedAt = Start };
        await using (var write = db.Open(Tenant))
        {
            write.Appointments.Add(AppointmentRow.From(appointment, account));
            write.FollowUps.Add(FollowUpRow.From(followUp, account));
            write.Documents.Add(document);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using (var write = db.Open(Tenant))
        {
            var row = await write.Appointments.SingleAsync();
            var loaded = row.ToAppointment();
            Assert.True(loaded.Cancel(clock).IsValid);
            row.Write(loaded);
            Assert.True((await write.SaveAsync()).IsSaved);
            appointment = loaded;
        }

        await using var read = db.Open(Tenant);
        Assert.Equal(Json(appointment), Json((await read.Appointments.SingleAsync(a => a.Account == account)).ToAppointment()));
        Assert.Equal(followUp, (await read.FollowUps.SingleAsync(f => f.SubjectKind == SubjectKind.Account && f.SubjectId == account.Value)).ToFollowUp());
        Assert.Equal(Json(document), Json(await read.Documents.SingleAsync(d => d.Account == account)));
        Assert.Equal(SubjectKind.Occurrence, (await read.Appointments.SingleAsync()).SubjectKind);
    }
}

using Crm.Connectors.Mail;
using Crm.Connectors.Tests.Support;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Connectors.Tests.Mail;

public sealed class NotificationComposerTests
{
    private static readonly AesProtector Protector = new();
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    private static SmtpSettings Settings(Duration delay) => SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), Net.Tenant,
        new SmtpForm(Net.Company, null, "smtp.acme.com.br", 587, delay, "crm@acme.com.br", "CRM", false, null, null, false, null, true),
        Protector).AsT0;

    private static Movement Movement(Guid id, string title, MovementSubject subject = MovementSubject.Task, MovementKind kind = MovementKind.Created) =>
        new(id, subject, "T-1", title, kind, "Bruno", Net.Now, null);

    private static readonly Recipient Ana = new(Email.Parse("ana@acme.com.br").AsT0, "Ana");
    private static readonly Recipient Caio = new(Email.Parse("caio@acme.com.br").AsT0, "Caio");

    [Property]
    public void The_message_id_depends_only_on_the_movement_and_the_recipient(Guid id, Guid other, NonNull<string> title)
    {
        var first = NotificationComposer.Compose(Settings(Duration.Zero), Movement(id, title.Get), Ana, Zone).Mail.MessageId;
        var again = NotificationComposer.Compose(Settings(Duration.FromMinutes(5)), Movement(id, "outro título"), Ana, Zone).Mail.MessageId;
        Assert.Equal(first, again);
        Assert.NotEqual(first, NotificationComposer.Compose(Settings(Duration.Zero), Movement(id, title.Get), Caio, Zone).Mail.MessageId);
        if (other != id)
            Assert.NotEqual(first, NotificationComposer.Compose(Settings(Duration.Zero), Movement(other, title.Get), Ana, Zone).Mail.MessageId);
    }

    [Property]
    public void Typed_text_never_reaches_the_html_unencoded_nor_breaks_the_subject_line(NonNull<string> typed)
    {
        var title = "<script>" + typed.Get + "\r\nBcc: x@y.z";
        var mail = NotificationComposer.Compose(Settings(Duration.Zero), Movement(Guid.NewGuid(), title), Ana, Zone).Mail;
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain('\r', mail.Subject);
    }

    [Property]
    public void A_notification_is_due_the_send_delay_after_the_movement(PositiveInt minutes)
    {
        var delay = Duration.FromMinutes(minutes.Get % (24 * 60));
        var notification = NotificationComposer.Compose(Settings(delay), Movement(Guid.NewGuid(), "x"), Ana, Zone);
        Assert.Equal(Net.Now + delay, notification.DueAt);
    }

    [Theory]
    [InlineData(MovementSubject.Opportunity, MovementKind.Created, "[CRM] Oportunidade criada: Proposta")]
    [InlineData(MovementSubject.Occurrence, MovementKind.Completed, "[CRM] Ocorrência concluída: Proposta")]
    [InlineData(MovementSubject.Task, MovementKind.Assigned, "[CRM] Tarefa atribuída a você: Proposta")]
    [InlineData(MovementSubject.Appointment, MovementKind.Cancelled, "[CRM] Compromisso cancelado: Proposta")]
    [InlineData(MovementSubject.FollowUp, MovementKind.Updated, "[CRM] Follow-up alterado: Proposta")]
    [InlineData(MovementSubject.Opportunity, MovementKind.Won, "[CRM] Oportunidade ganha: Proposta")]
    [InlineData(MovementSubject.Card, MovementKind.Created, "[CRM] Cartão criado: Proposta")]
    [InlineData(MovementSubject.Opportunity, MovementKind.Lost, "[CRM] Oportunidade perdida: Proposta")]
    [InlineData(MovementSubject.Occurrence, MovementKind.Answered, "[CRM] Ocorrência respondida: Proposta")]
    [InlineData(MovementSubject.Occurrence, MovementKind.Closed, "[CRM] Ocorrência encerrada: Proposta")]
    [InlineData(MovementSubject.Appointment, MovementKind.Rescheduled, "[CRM] Compromisso remarcado: Proposta")]
    public void Subjects_agree_in_gender_with_what_moved(MovementSubject subject, MovementKind kind, string expected) =>
        Assert.Equal(expected, NotificationComposer.Compose(Settings(Duration.Zero), Movement(Guid.NewGuid(), "Proposta", subject, kind), Ana, Zone).Mail.Subject);
}

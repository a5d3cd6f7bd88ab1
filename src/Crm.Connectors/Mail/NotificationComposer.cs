using System.Net;
using Crm.Domain.Servers;
using NodaTime;
using NodaTime.Text;

namespace Crm.Connectors.Mail;

/// <summary>
/// The Portuguese e-mails (text and HTML) telling a user that an opportunity, occurrence, task, appointment or
/// follow-up moved. Everything typed by users is HTML-encoded; the Message-ID depends only on the movement and the
/// recipient, so composing again after a restart yields the same message.
/// </summary>
public static class NotificationComposer
{
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("dd/MM/uuuu HH:mm");

    /// <summary>The notification of <paramref name="movement"/> to <paramref name="recipient"/>, sent through <paramref name="settings"/>.</summary>
    /// <param name="settings">The SMTP settings of the user's company/branch (sender, send delay).</param>
    /// <param name="movement">What happened.</param>
    /// <param name="recipient">Whom to tell.</param>
    /// <param name="zone">The time zone the dates are shown in (the company's).</param>
    public static Notification Compose(SmtpSettings settings, Movement movement, Recipient recipient, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(movement);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(zone);
        var (noun, feminine) = Noun(movement.Subject);
        var headline = $"{noun} {Verb(movement.Kind, feminine)}";
        var subject = $"[CRM] {headline}: {OneLine(movement.Title)}";
        var at = When.Format(movement.At.InZone(zone).LocalDateTime);
        var detail = string.IsNullOrWhiteSpace(movement.Detail) ? null : movement.Detail.Trim();
        var text = $"""
            Olá, {recipient.Name}.

            {headline}: {movement.Title} (nº {movement.SubjectId}).
            Por: {movement.Actor}
            Em: {at}
            {(detail is null ? "" : $"Detalhe: {detail}\n")}
            Esta é uma notificação automática do CRM; não responda a este e-mail.
            """;
        var html = $"""
            <html><body style="font-family:sans-serif">
            <p>Olá, {Html(recipient.Name)}.</p>
            <p><strong>{Html(headline)}</strong>: {Html(movement.Title)} (nº {Html(movement.SubjectId)}).</p>
            <table><tr><td>Por</td><td>{Html(movement.Actor)}</td></tr><tr><td>Em</td><td>{at}</td></tr>{(detail is null ? "" : $"<tr><td>Detalhe</td><td>{Html(detail)}</td></tr>")}</table>
            <p style="color:#777">Esta é uma notificação automática do CRM; não responda a este e-mail.</p>
            </body></html>
            """;
        var mail = new OutgoingMail(MessageIdOf(movement.Id, recipient.Address),
            settings.Sender, settings.DisplayName, recipient.Address, recipient.Name, subject, text, html);
        return new Notification(mail, movement.At + settings.SendDelay);
    }

    /// <summary>
    /// The Message-ID of the notification of movement <paramref name="movement"/> to <paramref name="recipient"/>: what an
    /// outbox stores as the key that makes a second staging of the same notification fail.
    /// </summary>
    public static string MessageIdOf(Guid movement, Crm.Domain.Registry.Email recipient) =>
        MessageIds.Of("movement", movement.ToString(), recipient.Normalized);

    private static (string Noun, bool Feminine) Noun(MovementSubject subject) => subject switch
    {
        MovementSubject.Opportunity => ("Oportunidade", true),
        MovementSubject.Occurrence => ("Ocorrência", true),
        MovementSubject.Task => ("Tarefa", true),
        MovementSubject.Appointment => ("Compromisso", false),
        MovementSubject.FollowUp => ("Follow-up", false),
        MovementSubject.Card => ("Cartão", false),
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, null),
    };

    private static string Verb(MovementKind kind, bool feminine)
    {
        var ending = feminine ? "a" : "o";
        return kind switch
        {
            MovementKind.Created => "criad" + ending,
            MovementKind.Updated => "alterad" + ending,
            MovementKind.Assigned => $"atribuíd{ending} a você",
            MovementKind.StageChanged => "mudou de etapa",
            MovementKind.Completed => "concluíd" + ending,
            MovementKind.Cancelled => "cancelad" + ending,
            MovementKind.Won => "ganh" + ending,
            MovementKind.Lost => "perdid" + ending,
            MovementKind.Answered => "respondid" + ending,
            MovementKind.Closed => "encerrad" + ending,
            MovementKind.Rescheduled => "remarcad" + ending,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    // A header cannot hold line breaks; a title typed with one would otherwise fold or inject headers.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

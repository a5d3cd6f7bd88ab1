using Crm.Domain.Registry;

namespace Crm.Connectors.Mail;

/// <summary>An e-mail ready to go through a company's SMTP server.</summary>
/// <param name="MessageId">The Message-ID header without angle brackets; the same message keeps the same id on every attempt.</param>
/// <param name="From">Sender address.</param>
/// <param name="FromName">Sender display name.</param>
/// <param name="To">Recipient.</param>
/// <param name="ToName">Recipient display name.</param>
/// <param name="Subject">Subject.</param>
/// <param name="TextBody">Plain-text body.</param>
/// <param name="HtmlBody">HTML body; null sends text only.</param>
public sealed record OutgoingMail(
    string MessageId, Email From, string? FromName, Email To, string? ToName, string Subject, string TextBody, string? HtmlBody);

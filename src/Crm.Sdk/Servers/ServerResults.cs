using Crm.Connectors.Documents;
using Crm.Connectors.Mail;
using Crm.Domain.Identity;

namespace Crm.Sdk.Servers;

/// <summary>SMTP or FTP settings were saved.</summary>
/// <typeparam name="TId">The settings' id type.</typeparam>
/// <param name="Id">The settings.</param>
/// <param name="Version">Their stored version; pass it to the next update.</param>
public sealed record ServerSaved<TId>(TId Id, long Version) where TId : struct;

/// <summary>Stored SMTP or FTP settings as read APIs show them (never the password, only whether one is set).</summary>
/// <typeparam name="TView">The settings' view.</typeparam>
/// <param name="Settings">The settings.</param>
/// <param name="Version">Their stored version; pass it to an update.</param>
public sealed record ServerRead<TView>(TView Settings, long Version);

/// <summary>"Testar envio de e-mail" ran: what the server did with the test message (sent to the sender address).</summary>
/// <param name="Id">The settings tested.</param>
/// <param name="Delivery"><see cref="Sent"/>, <see cref="Rejected"/> (the SMTP reply code) or <see cref="Unavailable"/>.</param>
public sealed record SmtpTested(SmtpSettingsId Id, MailDelivery Delivery);

/// <summary>"Testar envio de arquivo" ran: the test file was uploaded, read back, compared and deleted, or why not.</summary>
/// <param name="Id">The settings tested.</param>
/// <param name="Transfer">The file checked, or the <see cref="TransferFailure"/> with its stable code.</param>
public sealed record FtpTested(FtpSettingsId Id, Transfer<StoredDocument> Transfer);

using BenchmarkDotNet.Attributes;
using Crm.Connectors.Mail;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Benchmarks.Connectors;

/// <summary>
/// The connector's share of the cost of notifying one movement: composing the Portuguese text + HTML e-mail (and its
/// Message-ID, a SHA-256) for each recipient, before the engine writes it to the outbox. Sizes: 1 and 10 recipients.
/// </summary>
[MemoryDiagnoser]
public class NotificationBenchmarks
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private SmtpSettings _settings = null!;
    private Recipient[] _recipients = [];
    private Movement _movement = null!;

    [Params(1, 10)]
    public int Recipients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _settings = SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), new TenantId(Guid.NewGuid()), new SmtpForm(
            new CompanyId(Guid.NewGuid()), null, "smtp.acme.com.br", 587, Duration.FromMinutes(5), "crm@acme.com.br", "CRM Acme",
            false, null, null, true, SecureConnection.Tls, true), new PlainProtector()).AsT0;
        _recipients = [.. Enumerable.Range(0, Recipients).Select(i => new Recipient(Email.Parse($"user{i}@acme.com.br").AsT0, $"Usuário {i}"))];
        _movement = new Movement(Guid.NewGuid(), MovementSubject.Opportunity, "OP-42", "Venda de 30 tratores <urgente>",
            MovementKind.StageChanged, "Bruno", Instant.FromUtc(2026, 12, 6, 15, 0), "Proposta");
    }

    [Benchmark]
    public int ComposePerMovement()
    {
        var length = 0;
        foreach (var recipient in _recipients)
            length += NotificationComposer.Compose(_settings, _movement, recipient, Zone).Mail.HtmlBody!.Length;
        return length;
    }

    // No password in these settings; the protector is never called.
    private sealed class PlainProtector : ISecretProtector
    {
        public ProtectedSecret Protect(Secret secret) => throw new NotSupportedException();
        public Secret Unprotect(ProtectedSecret secret) => throw new NotSupportedException();
    }
}

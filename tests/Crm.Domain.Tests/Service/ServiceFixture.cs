using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Domain.Tests.Service;

/// <summary>Shared builders for customer service tests.</summary>
internal static class ServiceFixture
{
    public static readonly TenantId Tenant = new(Guid.NewGuid());
    public static readonly Instant Start = Instant.FromUtc(2026, 5, 4, 9, 0);
    public static readonly UserId Operator = new(Guid.NewGuid());

    public static FakeClock Clock() => new(Start);

    public static UserId User() => new(Guid.NewGuid());

    /// <summary>Complaint: answer within 4 hours; doubt: within a day; an old reason nobody may pick any more.</summary>
    public static OccurrenceSettings Settings(params OccurrenceField[] mandatory) =>
        OccurrenceSettings.Create(
            [
                new ServiceReason("RECL", "Reclamação", Duration.FromHours(4)),
                new ServiceReason("DUV", "Dúvida", Duration.FromDays(1)),
                new ServiceReason("ANTIGO", "Motivo antigo", Duration.FromHours(2), Active: false),
            ],
            mandatory).AsT0;

    public static OccurrenceForm Form(string reason = "RECL") =>
        new(new AccountId(Guid.NewGuid()), ServiceChannel.Phone, reason, "Boleto de maio veio com valor errado.");

    public static OccurrenceForm FullForm() =>
        Form() with
        {
            Contact = new ContactId(Guid.NewGuid()),
            Product = "SERV-100",
            Attendant = User(),
            Priority = OccurrencePriority.High,
        };

    public static Occurrence Open(IClock clock, OccurrenceForm? form = null, OccurrenceSettings? settings = null) =>
        Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, form ?? Form(), settings ?? Settings(), Operator, clock).AsT0;

    public static string[] Codes<T>(Crm.Domain.Problems.Outcome<T> outcome) => outcome.Problems.Select(p => p.Code).ToArray();
}

using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Domain.Tests.Funnel;

/// <summary>Shared builders for funnel tests.</summary>
internal static class FunnelFixture
{
    public static readonly TenantId Tenant = new(Guid.NewGuid());
    public static readonly MasterDataCode ProspectType = MasterDataCode.Of("PROSPECT");
    public static readonly MasterDataCode CustomerType = MasterDataCode.Of("CLIENTE");
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 12, 0);

    public static FakeClock Clock() => new(Start);

    public static UserId User() => new(Guid.NewGuid());

    public static AccountId Account() => new(Guid.NewGuid());

    public static Pipeline NewPipeline() => DefaultPipeline.Create(Tenant, ProspectType, CustomerType).AsT0;

    public static OpportunityDraft Draft(decimal value = 1000m, string currency = "BRL", UserId? owner = null) =>
        new("Link dedicado 100 Mbps", Account(), owner ?? User(), new Money(value, currency), ExpectedClose: new LocalDate(2026, 4, 30));

    public static Opportunity Open(Pipeline pipeline, IClock clock, OpportunityDraft? draft = null, OpportunitySettings? settings = null) =>
        Opportunity.Open(Tenant, pipeline, draft ?? Draft(), settings ?? OpportunitySettings.Default, clock).AsT0.Opportunity;

    public static StageId StageNamed(this Pipeline pipeline, string name) => pipeline.Stages.Single(s => s.Name == name).Id;
}

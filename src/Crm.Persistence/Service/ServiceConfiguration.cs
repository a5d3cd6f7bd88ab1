using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Service;

internal sealed class OccurrenceConfiguration(CrmDbContext context) : IEntityTypeConfiguration<OccurrenceRow>
{
    public void Configure(EntityTypeBuilder<OccurrenceRow> builder)
    {
        builder.IsAggregate("Occurrences", o => o.Tenant, o => o.Id, context);
        builder.Property(o => o.Reason).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(o => o.Product).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(o => o.History).HasAnnotation(AggregateMapping.JsonDocument, true);
        // The account's list and timeline; an attendant's queue; the overdue ones (open, due before now); the indicators'
        // periods, per unit, reason, product and channel.
        builder.HasTenantIndex(nameof(OccurrenceRow.Account), nameof(OccurrenceRow.OpenedAt));
        builder.HasTenantIndex(nameof(OccurrenceRow.Attendant), nameof(OccurrenceRow.Status));
        builder.HasTenantIndex(nameof(OccurrenceRow.Status), nameof(OccurrenceRow.ResponseDue));
        // A period's occurrences with every column the indicators group them by, read from the index alone; the answers of a
        // period with their seconds; the answers due in a period.
        builder.HasTenantIndex(nameof(OccurrenceRow.OpenedAt), nameof(OccurrenceRow.Channel), nameof(OccurrenceRow.IsComplaint),
            nameof(OccurrenceRow.Company), nameof(OccurrenceRow.Branch), nameof(OccurrenceRow.Product), nameof(OccurrenceRow.Attendant),
            nameof(OccurrenceRow.Account));
        builder.HasTenantIndex(nameof(OccurrenceRow.AnsweredAt), nameof(OccurrenceRow.ResponseSeconds), nameof(OccurrenceRow.Account));
        builder.HasTenantIndex(nameof(OccurrenceRow.ResponseDue), nameof(OccurrenceRow.AnsweredAt), nameof(OccurrenceRow.Account));
        builder.HasTenantIndex(nameof(OccurrenceRow.Company), nameof(OccurrenceRow.Branch), nameof(OccurrenceRow.OpenedAt));
        builder.HasTenantIndex(nameof(OccurrenceRow.Reason), nameof(OccurrenceRow.OpenedAt));
        builder.HasTenantIndex(nameof(OccurrenceRow.Product), nameof(OccurrenceRow.OpenedAt));
        builder.HasTenantIndex(nameof(OccurrenceRow.Channel), nameof(OccurrenceRow.OpenedAt));
        builder.HasTenantIndex(nameof(OccurrenceRow.Account), nameof(OccurrenceRow.Channel));
    }
}

internal sealed class CampaignConfiguration(CrmDbContext context) : IEntityTypeConfiguration<CampaignRow>
{
    public void Configure(EntityTypeBuilder<CampaignRow> builder)
    {
        builder.IsAggregate("Campaigns", c => c.Tenant, c => c.Id, context);
        builder.Property(c => c.Name).HasMaxLength(TextLimits.CampaignName);
        builder.HasTenantIndex(nameof(CampaignRow.CreatedAt));
    }
}

internal sealed class CampaignTargetConfiguration(CrmDbContext context) : IEntityTypeConfiguration<CampaignTargetRow>
{
    public void Configure(EntityTypeBuilder<CampaignTargetRow> builder)
    {
        builder.IsTenantRows("CampaignTargets", t => t.Tenant, t => t.Id, context);
        builder.HasTenantIndex(nameof(CampaignTargetRow.Campaign), nameof(CampaignTargetRow.Position));
        builder.HasTenantIndex(nameof(CampaignTargetRow.Account));
    }
}

internal sealed class CallAttemptConfiguration(CrmDbContext context) : IEntityTypeConfiguration<CallAttemptRow>
{
    public void Configure(EntityTypeBuilder<CallAttemptRow> builder)
    {
        builder.IsTenantRows("CallAttempts", a => a.Tenant, a => new { a.Target, a.Number }, context);
        builder.HasTenantIndex(nameof(CallAttemptRow.Campaign));
        builder.HasTenantIndex(nameof(CallAttemptRow.By), nameof(CallAttemptRow.At));
    }
}

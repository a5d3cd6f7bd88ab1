using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Outbox;

internal sealed class OutboxMessageConfiguration(CrmDbContext context) : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.IsTenantRows("OutboxMessages", m => m.Tenant, m => m.Id, context);
        builder.MapQueue();
        builder.Property(m => m.Erp).HasMaxLength(40);
        builder.Property(m => m.Resource).HasMaxLength(80);
        builder.Property(m => m.ErpCode).HasMaxLength(80);
        builder.Property(m => m.AcknowledgedCode).HasMaxLength(80);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(64);
        // One place per account: two writers racing for the same place (the account's version guards them first) fail here.
        builder.HasTenantIndex(nameof(OutboxMessage.Account), nameof(OutboxMessage.Sequence)).IsUnique();
    }
}

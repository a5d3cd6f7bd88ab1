using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Crm.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Notifications;

internal sealed class NotificationMessageConfiguration(CrmDbContext context) : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> builder)
    {
        builder.IsTenantRows("NotificationMessages", m => m.Tenant, m => m.Id, context);
        builder.MapQueue();
        builder.Property(m => m.MessageId).HasMaxLength(100);
        builder.Property(m => m.Subject).HasMaxLength(20);
        builder.Property(m => m.SubjectId).HasMaxLength(64);
        builder.Property(m => m.Title).HasMaxLength(TextLimits.OpportunityTitle);
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.Property(m => m.Actor).HasMaxLength(TextLimits.UserText);
        builder.Property(m => m.Detail).HasMaxLength(NotificationMessage.MaxDetailLength);
        builder.Property(m => m.RecipientName).HasMaxLength(TextLimits.UserText);
        // One row per movement and recipient: staging the same movement twice fails here instead of mailing twice.
        builder.HasTenantIndex(nameof(NotificationMessage.MessageId)).IsUnique();
    }
}

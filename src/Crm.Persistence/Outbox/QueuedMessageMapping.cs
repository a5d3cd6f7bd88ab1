using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Outbox;

/// <summary>The columns and index every outbox table shares (<see cref="QueuedMessage"/>).</summary>
internal static class QueuedMessageMapping
{
    public static void MapQueue<T>(this EntityTypeBuilder<T> builder) where T : QueuedMessage
    {
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.LastError).HasMaxLength(QueuedMessage.MaxErrorLength);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        // The dispatcher's claim reads across tenants by status and due time.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

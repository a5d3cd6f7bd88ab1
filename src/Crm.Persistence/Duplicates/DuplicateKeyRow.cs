using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Duplicates;

/// <summary>Which kind of record a duplicate key belongs to.</summary>
internal enum RecordKind
{
    Lead,
    Account,
}

/// <summary>
/// One duplicate key of a live lead or account (an open lead; an account not merged away), keyed
/// (tenant, key, kind, record): the key leads, so "who has this key" is one seek of the primary key.
/// </summary>
internal sealed class DuplicateKeyRow
{
    public TenantId Tenant { get; init; }

    public string Key { get; init; } = "";

    public RecordKind Kind { get; init; }

    public Guid Record { get; init; }
}

internal sealed class DuplicateKeyRowConfiguration(CrmDbContext context) : IEntityTypeConfiguration<DuplicateKeyRow>
{
    public void Configure(EntityTypeBuilder<DuplicateKeyRow> builder)
    {
        builder.IsTenantRows("DuplicateKeys", r => r.Tenant, r => new { r.Key, r.Kind, r.Record }, context);
        builder.Property(r => r.Key).HasMaxLength(DuplicateKeyTexts.MaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
    }
}

/// <summary>
/// Keeps the duplicate keys of the saved leads and accounts in step with their registration data, inside the same save:
/// the keys of the data as read are compared with the keys of the data as saved, and only the difference is written.
/// </summary>
internal static class DuplicateKeyRows
{
    public static void Refresh(CrmDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (Record(entry) is not { } record)
                continue;
            var before = entry.State == EntityState.Added ? [] : Keys(entry, original: true);
            var after = entry.State == EntityState.Deleted ? [] : Keys(entry, original: false);
            var rows = db.Set<DuplicateKeyRow>();
            foreach (var gone in before.Except(after))
            {
                var row = new DuplicateKeyRow { Tenant = db.Tenant, Key = gone, Kind = record.Kind, Record = record.Id };
                var tracked = rows.Local.FindEntryUntyped([row.Tenant, row.Key, row.Kind, row.Record]);
                if (tracked is null)
                    rows.Attach(row).State = EntityState.Deleted;
                else
                    tracked.State = tracked.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
            }
            foreach (var added in after.Except(before))
                rows.Add(new DuplicateKeyRow { Tenant = db.Tenant, Key = added, Kind = record.Kind, Record = record.Id });
        }
    }

    private static (RecordKind Kind, Guid Id)? Record(EntityEntry entry) => entry.Entity switch
    {
        Account account => (RecordKind.Account, account.Id.Value),
        Lead lead => (RecordKind.Lead, lead.Id.Value),
        _ => null,
    };

    // The keys of a live record's data: a lead converted into an account, or an account merged into another, is no longer
    // a record a registration can duplicate.
    private static HashSet<string> Keys(EntityEntry entry, bool original)
    {
        object? Value(string property) => original ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue;
        var live = entry.Entity is Account ? Value(nameof(Account.MergedInto)) is null : Value(nameof(Lead.Status)) is LeadStatus.Open;
        return live && Value(nameof(Account.Data)) is Crm.Domain.Accounts.Registration.RegistrationData data
            ? [.. DuplicateKeyTexts.Of(data).Select(k => k.Key)]
            : [];
    }
}

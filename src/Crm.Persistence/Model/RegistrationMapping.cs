using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Texts;
using Crm.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

/// <summary>
/// The registration data leads and accounts share, as one JSON document (see <see cref="RegistrationDataConverter"/>),
/// plus the search columns queries filter on (owner, company, branch, names, tax id), indexed with the tenant first.
/// The change history is a JSON column too: it is always read and written with its record.
/// </summary>
internal static class RegistrationMapping
{
    public static void Map<T>(EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, RegistrationData?>> property,
        Func<T, RegistrationData> read)
        where T : class
    {
        builder.Property(property).HasColumnName("Data").HasConversion<RegistrationDataConverter>();
        SearchColumns.Map(builder, CrmQueries.Owner, e => read(e).Owner);
        SearchColumns.Map(builder, CrmQueries.Company, e => read(e).Company);
        SearchColumns.Map(builder, CrmQueries.Branch, e => read(e).Branch);
        SearchColumns.Map(builder, CrmQueries.LegalName, e => read(e).LegalName).HasMaxLength(TextLimits.RegistrationName);
        SearchColumns.Map(builder, CrmQueries.ShortName, e => read(e).ShortName?.Value).HasMaxLength(TextLimits.ShortName);
        SearchColumns.Map(builder, CrmQueries.ShortNameKey, e => read(e).ShortName?.Key).HasMaxLength(TextLimits.ShortName);
        SearchColumns.Map(builder, CrmQueries.TaxId, e => read(e).TaxId?.Digits).HasMaxLength(14);
        // Both cover a visible page by legal name (Visibility.VisiblePageByLegalName): whichever the planner picks, the
        // page's ids come from the index alone — by owner for a small team, in name order for a wide scope.
        builder.HasTenantIndex(CrmQueries.Owner, CrmQueries.LegalName, CrmQueries.Company, CrmQueries.Branch, "Id");
        builder.HasTenantIndex(CrmQueries.LegalName, CrmQueries.Owner, CrmQueries.Company, CrmQueries.Branch, "Id");
        builder.HasTenantIndex(CrmQueries.TaxId);
        // Which companies the records name (the indicators' scope walks it one company at a time), and scopes by company.
        builder.HasTenantIndex(CrmQueries.Company, CrmQueries.Branch, CrmQueries.Owner);
    }

    /// <summary>
    /// The column <see cref="CrmQueries.RegisteredAt"/>: the instant of the record's first history entry (an account
    /// converted from a lead keeps the lead's), written once when the record is inserted, indexed for the indicators.
    /// </summary>
    public static void MapRegisteredAt<T>(EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<NodaTime.Instant?>(CrmQueries.RegisteredAt);
        builder.HasTenantIndex(CrmQueries.RegisteredAt);
    }

    /// <summary>Sets <see cref="CrmQueries.RegisteredAt"/> of a lead or account about to be inserted.</summary>
    public static void StampRegisteredAt(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        if (entry.Entity is Crm.Domain.Accounts.RegisteredParty party)
            entry.Property(CrmQueries.RegisteredAt).CurrentValue = party.History.Entries.Count > 0 ? party.History.Entries[0].At : null;
    }

    /// <summary>The index that finds a short name's holder; for accounts, unique among the live ones (see <see cref="AccountConfiguration"/>).</summary>
    public static IndexBuilder<T> ShortNameIndex<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.HasTenantIndex(CrmQueries.ShortNameKey);

    /// <summary>The change history as one compact JSON text column (see <see cref="ChangeHistoryConverter"/>).</summary>
    public static void MapHistory<T>(EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, ChangeHistory>> history)
        where T : class =>
        builder.Property(history).HasColumnName("History").HasConversion(new ChangeHistoryConverter(), ChangeHistoryConverter.Comparer);

    public static void MapEntry(ComplexCollectionBuilder<HistoryEntry> entry)
    {
        entry.Property(e => e.At);
        entry.Property(e => e.By);
        entry.Property(e => e.Field);
        entry.Property(e => e.OldValue);
        entry.Property(e => e.NewValue);
        entry.Property(e => e.IsSecret);
    }
}

using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class AccountConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.IsAggregate("Accounts", a => a.TenantId, a => a.Id, context);
        RegistrationMapping.Map(builder, a => a.Data, a => a.Data);
        RegistrationMapping.MapHistory(builder, a => a.History);
        builder.Property(a => a.LastPurchase);
        builder.Property(a => a.ErpSituation);
        builder.Property(a => a.Integration).HasMaxLength(80);
        builder.Property(a => a.ConvertedFrom);
        builder.Property(a => a.MergedInto);
        builder.PrimitiveCollection<List<AccountId>>("_mergedFrom").HasColumnName("MergedFrom")
            .ElementType(e => e.HasConversion<IdConverter<AccountId>>());
        builder.Ignore(a => a.MergedFrom);
        // Not stored yet (no column, no migration): the ERP pull that records it is not wired into the engine; until then a
        // loaded account has none. Without this the model does not build at all (the type has no key).
        builder.Ignore(a => a.ErpStanding);
        // One live account per short name (case ignored): a concurrent second registration is refused at the save.
        RegistrationMapping.ShortNameIndex(builder).IsUnique().HasFilter("\"ShortNameKey\" IS NOT NULL AND \"MergedInto\" IS NULL");
    }
}

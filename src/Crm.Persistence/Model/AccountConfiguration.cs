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
        RegistrationMapping.MapRegisteredAt(builder);
        builder.Property(a => a.LastPurchase);
        builder.Property(a => a.ErpSituation);
        builder.Property(a => a.Integration).HasMaxLength(80);
        builder.Property(a => a.ConvertedFrom);
        builder.Property(a => a.MergedInto);
        builder.PrimitiveCollection<List<AccountId>>("_mergedFrom").HasColumnName("MergedFrom")
            .ElementType(e => e.HasConversion<IdConverter<AccountId>>());
        builder.Ignore(a => a.MergedFrom);
        // What the ERP last said of the account (null until a pull records one); ReadAt, always set, tells "none" from a
        // standing whose every part the ERP left unexposed.
        builder.ComplexProperty(a => a.ErpStanding, standing =>
        {
            standing.Property(s => s.Situation).HasColumnName("ErpStandingSituation");
            standing.Property(s => s.LastPurchase).HasColumnName("ErpStandingLastPurchase");
            standing.Property(s => s.CreditLimit).HasColumnName("ErpStandingCreditLimit");
            standing.Property(s => s.CreditLimitExpiresOn).HasColumnName("ErpStandingCreditLimitExpiresOn");
            standing.Property(s => s.OpenBalance).HasColumnName("ErpStandingOpenBalance");
            standing.Property(s => s.Blocked).HasColumnName("ErpStandingBlocked");
            standing.Property(s => s.ReadAt).HasColumnName("ErpStandingReadAt");
        });
        SearchColumns.Map(builder, CrmQueries.ClientType, a => a.Data.ClientType?.Value).HasMaxLength(Crm.Domain.Texts.TextLimits.MasterDataCode);
        // The live accounts' figures of the indicators (registrations, situations, portfolios, the churn's join by id) read
        // from this index alone, for every scope: owner first for a representative, whole for a Diretor.
        builder.HasTenantIndex(CrmQueries.Owner, CrmQueries.Company, CrmQueries.Branch, nameof(Account.ErpSituation), CrmQueries.RegisteredAt, "Id")
            .HasFilter("\"MergedInto\" IS NULL");
        // Complaints per client type join the occurrences' accounts by id and read the type here.
        builder.HasTenantIndex("Id", CrmQueries.ClientType);
        // One live account per short name (case ignored): a concurrent second registration is refused at the save.
        RegistrationMapping.ShortNameIndex(builder).IsUnique().HasFilter("\"ShortNameKey\" IS NOT NULL AND \"MergedInto\" IS NULL");
    }
}

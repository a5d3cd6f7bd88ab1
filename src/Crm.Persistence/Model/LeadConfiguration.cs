using Crm.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class LeadConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.IsAggregate("Leads", l => l.TenantId, l => l.Id, context);
        RegistrationMapping.Map(builder, l => l.Data, l => l.Data);
        RegistrationMapping.MapHistory(builder, l => l.History);
        RegistrationMapping.MapRegisteredAt(builder);
        builder.Property(l => l.Status);
        builder.Property(l => l.ConvertedTo);
        RegistrationMapping.ShortNameIndex(builder);
        // The registrations of the open (not converted) leads for the indicators, from this index alone.
        builder.HasTenantIndex(CrmQueries.Owner, CrmQueries.Company, CrmQueries.Branch, CrmQueries.RegisteredAt).HasFilter("\"ConvertedTo\" IS NULL");
    }
}

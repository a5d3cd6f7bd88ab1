using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Texts;
using Crm.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class ContactConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.IsAggregate("Contacts", c => c.TenantId, c => c.Id, context);
        builder.Property(c => c.Owner).HasConversion(ContactListConverters.Owner).HasMaxLength(50);
        builder.Property(c => c.Name).HasMaxLength(TextLimits.ContactName);
        builder.Property(c => c.Role).HasMaxLength(TextLimits.ContactRole);
        builder.Property(c => c.Department).HasMaxLength(TextLimits.ContactDepartment);
        builder.Property(c => c.Phones).HasConversion(ContactListConverters.Phones, ContactListConverters.Comparer<PhoneEntry>());
        builder.Property(c => c.Emails).HasConversion(ContactListConverters.Emails, ContactListConverters.Comparer<EmailEntry>());
        builder.Property(c => c.Marketing).HasConversion(ContactListConverters.Marketing, ContactListConverters.Comparer<MarketingConsent>());
        RegistrationMapping.MapHistory(builder, c => c.History);
        builder.HasTenantIndex(nameof(Contact.Owner));
        // The owner again as typed ids, so visibility joins the contact to its account or lead by key.
        SearchColumns.Map(builder, CrmQueries.OwnerAccount, c => c.Owner.TryPickT1(out var account, out _) ? account : (AccountId?)null);
        SearchColumns.Map(builder, CrmQueries.OwnerLead, c => c.Owner.TryPickT0(out var lead, out _) ? lead : (LeadId?)null);
    }
}

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
        // The contact's reach and opt-ins as columns, so the indicators count them on an index instead of reading JSON.
        SearchColumns.Map(builder, CrmQueries.HasEmail, c => c.Emails.Count > 0);
        SearchColumns.Map(builder, CrmQueries.HasPhone, c => c.Phones.Count > 0);
        var optIns = new List<string>();
        foreach (var channel in Enum.GetValues<MarketingChannel>())
        {
            SearchColumns.Map(builder, CrmQueries.OptIn(channel), c => c.Marketing.FirstOrDefault(m => m.Channel == channel) is { OptedIn: true } m ? m.On : (NodaTime.LocalDate?)null);
            optIns.Add(CrmQueries.OptIn(channel));
        }
        builder.HasTenantIndex([CrmQueries.OwnerAccount, CrmQueries.HasEmail, CrmQueries.HasPhone, .. optIns]);
        builder.HasTenantIndex([CrmQueries.OwnerLead, CrmQueries.HasEmail, CrmQueries.HasPhone, .. optIns]);
    }
}

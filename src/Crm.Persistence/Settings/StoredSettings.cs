using Crm.Domain.Identity;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Settings;

/// <summary>Which settings a row of <c>TenantSettings</c> holds.</summary>
internal enum SettingsKind
{
    /// <summary>The registration settings (<see cref="Crm.Domain.Accounts.Configuration.AccountSettings"/>).</summary>
    Accounts,

    /// <summary>The opportunity settings (<see cref="Crm.Domain.Funnel.Opportunities.OpportunitySettings"/>).</summary>
    Opportunities,

    /// <summary>The back office the accounts are sent to (<see cref="IntegrationSettings"/>).</summary>
    Integration,

    /// <summary>The occurrence reasons and mandatory fields (<see cref="Crm.Domain.Service.Occurrences.OccurrenceSettings"/>).</summary>
    Occurrences,
}

/// <summary>
/// One kind of a tenant's settings as one JSON document, keyed (tenant, kind), with the version of every aggregate:
/// a save based on settings someone else changed since they were read is a conflict.
/// </summary>
internal sealed class StoredSettings
{
    public TenantId Tenant { get; init; }

    public SettingsKind Kind { get; init; }

    public string Document { get; set; } = "";
}

internal sealed class StoredSettingsConfiguration(CrmDbContext context) : IEntityTypeConfiguration<StoredSettings>
{
    public void Configure(EntityTypeBuilder<StoredSettings> builder)
    {
        builder.IsAggregate("TenantSettings", s => s.Tenant, s => new { s.Tenant, s.Kind }, context);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Document);
    }
}

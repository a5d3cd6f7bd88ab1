using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Activities;

internal sealed class AppointmentConfiguration(CrmDbContext context) : IEntityTypeConfiguration<AppointmentRow>
{
    public void Configure(EntityTypeBuilder<AppointmentRow> builder)
    {
        builder.IsAggregate("Appointments", a => a.Tenant, a => a.Id, context);
        builder.Property(a => a.SubjectKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(TextLimits.AppointmentTitle);
        builder.Property(a => a.Location).HasMaxLength(TextLimits.AppointmentLocation);
        // A subject's list, a user's agenda over a range, an account's timeline.
        builder.HasTenantIndex(nameof(AppointmentRow.SubjectKind), nameof(AppointmentRow.SubjectId), nameof(AppointmentRow.Start));
        builder.HasTenantIndex(nameof(AppointmentRow.Owner), nameof(AppointmentRow.Start));
        builder.HasTenantIndex(nameof(AppointmentRow.Account), nameof(AppointmentRow.Start));
    }
}

internal sealed class FollowUpConfiguration(CrmDbContext context) : IEntityTypeConfiguration<FollowUpRow>
{
    public void Configure(EntityTypeBuilder<FollowUpRow> builder)
    {
        builder.IsTenantRows("FollowUps", f => f.Tenant, f => f.Id, context);
        builder.Property(f => f.SubjectKind).HasConversion<string>().HasMaxLength(20);
        builder.HasTenantIndex(nameof(FollowUpRow.SubjectKind), nameof(FollowUpRow.SubjectId), nameof(FollowUpRow.At));
        builder.HasTenantIndex(nameof(FollowUpRow.By), nameof(FollowUpRow.At));
        builder.HasTenantIndex(nameof(FollowUpRow.Account), nameof(FollowUpRow.At));
    }
}

internal sealed class DocumentConfiguration(CrmDbContext context) : IEntityTypeConfiguration<DocumentRow>
{
    public void Configure(EntityTypeBuilder<DocumentRow> builder)
    {
        builder.IsTenantRows("Documents", d => d.Tenant, d => d.Id, context);
        builder.Property(d => d.SubjectKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Name).HasMaxLength(DocumentRow.MaxNameLength);
        builder.Property(d => d.Location).HasMaxLength(DocumentRow.MaxLocationLength);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasTenantIndex(nameof(DocumentRow.SubjectKind), nameof(DocumentRow.SubjectId), nameof(DocumentRow.AddedAt));
        builder.HasTenantIndex(nameof(DocumentRow.Account), nameof(DocumentRow.AddedAt));
    }
}

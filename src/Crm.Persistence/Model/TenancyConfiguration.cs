using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Domain.Texts;
using Crm.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class TenantConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Tenant>
{
    // The tenant row is keyed by its own id, which is also its tenant: a context sees only its own tenant row.
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.IsAggregate("Tenants", t => t.Id, t => t.Id, context);
        builder.Property(t => t.Name).HasMaxLength(TextLimits.TenantName);
    }
}

internal sealed class RoleConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.IsAggregate("Roles", r => r.TenantId, r => r.Id, context);
        builder.Property(r => r.Name).HasMaxLength(TextLimits.RoleName);
        builder.HasTenantIndex(nameof(Role.Name)).IsUnique();
        builder.ComplexCollection<List<ModuleGrant>, ModuleGrant>("_grants", grant => grant.ToJson("Grants"));
        builder.Ignore(r => r.Grants);
    }
}

internal sealed class UserConfiguration(CrmDbContext context) : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.IsAggregate("Users", u => u.TenantId, u => u.Id, context);
        builder.Property(u => u.Login).HasMaxLength(TextLimits.UserText);
        builder.Property(u => u.Name).HasMaxLength(TextLimits.UserText);
        builder.HasTenantIndex(nameof(User.Login)).IsUnique();
        builder.HasTenantIndex(nameof(User.Manager));
        builder.PrimitiveCollection<List<RoleId>>("_roles").HasColumnName("Roles")
            .ElementType(e => e.HasConversion<IdConverter<RoleId>>());
        builder.Property<List<CompanyBranch>>("_companies").HasColumnName("Companies")
            .HasConversion(new CompanyBranchListConverter(), CompanyBranchListConverter.Comparer);
        builder.Ignore(u => u.Roles);
        builder.Ignore(u => u.Companies);
    }
}

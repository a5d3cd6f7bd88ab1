using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Crm.Domain.Organization;
using Crm.Domain.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class CompanyConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Company>
{
    // Branches live inside their company (the aggregate checks the single Matriz across them), as a JSON column.
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.IsAggregate("Companies", c => c.TenantId, c => c.Id, context);
        builder.ComplexProperty(c => c.Details, MapDetails);
        builder.ComplexCollection<List<Branch>, Branch>("_branches", branch =>
        {
            branch.ToJson("Branches");
            branch.Property(b => b.Id);
            branch.Property(b => b.CompanyId);
            branch.Property(b => b.IsMatriz);
            branch.ComplexProperty(b => b.Details, MapDetails);
        });
        builder.Ignore(c => c.Branches);
        builder.Ignore(c => c.Matriz);
    }

    private static void MapDetails(ComplexPropertyBuilder<UnitDetails> details)
    {
        details.Property(d => d.ErpCode);
        details.Property(d => d.Name).HasMaxLength(TextLimits.CompanyName);
        details.Property(d => d.TradeName).HasMaxLength(TextLimits.CompanyName);
        details.Property(d => d.Cnpj);
    }
}

internal sealed class SmtpSettingsConfiguration(CrmDbContext context) : IEntityTypeConfiguration<SmtpSettings>
{
    public void Configure(EntityTypeBuilder<SmtpSettings> builder)
    {
        builder.IsAggregate("SmtpSettings", s => s.TenantId, s => s.Id, context);
        MessagingMapping.MapServer<SmtpSettings, SmtpSettingsId, SmtpForm>(builder);
        builder.Property(s => s.SendDelay);
        builder.Property(s => s.Sender);
        builder.Property(s => s.DisplayName).HasMaxLength(TextLimits.SmtpDisplayName);
        builder.Property(s => s.SecureConnection);
        builder.Property(s => s.IsPrimaryServer);
        builder.ComplexProperty(s => s.Credentials, MessagingMapping.MapCredentials);
    }
}

internal sealed class FtpSettingsConfiguration(CrmDbContext context) : IEntityTypeConfiguration<FtpSettings>
{
    public void Configure(EntityTypeBuilder<FtpSettings> builder)
    {
        builder.IsAggregate("FtpSettings", s => s.TenantId, s => s.Id, context);
        MessagingMapping.MapServer<FtpSettings, FtpSettingsId, FtpForm>(builder);
        builder.Property(s => s.Folder).HasMaxLength(TextLimits.FtpFolder);
        builder.Property(s => s.Protocol);
        builder.Property(s => s.TransferMethod);
        builder.ComplexProperty(s => s.Credentials, MessagingMapping.MapCredentials);
    }
}

internal static class MessagingMapping
{
    public static void MapServer<T, TId, TForm>(EntityTypeBuilder<T> builder)
        where T : CompanyServer<TId, TForm>
        where TId : struct
        where TForm : class
    {
        builder.Property(s => s.Company);
        builder.Property(s => s.Branch);
        builder.Property(s => s.Host).HasMaxLength(TextLimits.ServerHost);
        builder.Property(s => s.Port);
        builder.HasTenantIndex(nameof(CompanyServer<TId, TForm>.Company));
    }

    /// <summary>The user, and the password as the protector's payload only (encrypted at rest, never clear text).</summary>
    public static void MapCredentials(ComplexPropertyBuilder<ServerCredentials> credentials)
    {
        credentials.Property(c => c.User).HasColumnName("User").HasMaxLength(TextLimits.ServerUser);
        credentials.Property(c => c.Password).HasColumnName("Password");
    }
}
